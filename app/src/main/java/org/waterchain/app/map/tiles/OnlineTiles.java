package org.waterchain.app.map.tiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tiles of an online XYZ source for the live map, kept in an MBTiles cache file so what was once seen is there
 * offline later. A tile is read from the cache when it is there; otherwise it is fetched (rate-limited, with the
 * source's User-Agent, one GET per tile) and stored before it is returned.
 *
 * <p>Thread-safe: the map asks from several threads. Reads go through an {@link MbTilesSource} (its own read-only
 * connections), writes through one {@link MbTilesWriter} in write-ahead-log mode, so a write never holds up a read.
 * Every method may block on disk or network: never call from the UI thread.
 */
public final class OnlineTiles implements AutoCloseable {
    /**
     * Viewing fetches a screenful at once; this spaces those requests out (a browser would open several connections
     * at once instead) while keeping a window's 20-30 tiles to a few seconds.
     */
    public static final double DEFAULT_REQUESTS_PER_SECOND = 8.0;
    /** A map that waits longer than this for a tile is better told the tile failed. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Tile data one source's live cache keeps: a district browsed down to street level is some 50-100 MB, so this
     * holds several districts without filling a field laptop. An area meant to stay is downloaded into a basemap of
     * its own, which nothing removes.
     */
    public static final long DEFAULT_CACHE_LIMIT_BYTES = 512L << 20;
    /** Over the limit, the cache trims to this share of it, so trimming runs now and then, not on every tile. */
    static final double TRIM_TO = 0.9;

    private final XyzSource source;
    private final Path cacheFile;
    private final MbTilesWriter writer;
    private final MbTilesSource reader;
    private final RateLimiter limiter;
    private final TileFetcher fetcher;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final long limitBytes;
    /** Tiles read from the cache this session and moved to the back of the removal order: once each is enough. */
    private final Set<TileId> touched = ConcurrentHashMap.newKeySet();
    /** Tiles the server said it does not have (404) this session: not asked again on every redraw. */
    private final Set<TileId> absent = ConcurrentHashMap.newKeySet();
    private volatile boolean formatKnown;
    private long storedBytes; // guarded by writer

    private OnlineTiles(XyzSource source, Path cacheFile, MbTilesWriter writer, MbTilesSource reader,
                        RateLimiter limiter, Duration timeout, long limitBytes) throws MbTilesException {
        this.source = source;
        this.cacheFile = cacheFile;
        this.writer = writer;
        this.reader = reader;
        this.limiter = limiter;
        this.fetcher = new TileFetcher(source, timeout);
        this.formatKnown = writer.metadata("format").isPresent();
        this.limitBytes = limitBytes;
        synchronized (writer) {
            this.storedBytes = writer.tileBytes();
            trimIfOver();
        }
    }

    public static OnlineTiles open(XyzSource source, Path cacheDir) throws MbTilesException {
        return open(source, cacheDir, new RateLimiter(DEFAULT_REQUESTS_PER_SECOND), DEFAULT_TIMEOUT,
                DEFAULT_CACHE_LIMIT_BYTES);
    }

    /**
     * Opens (or creates) the source's cache file in {@code cacheDir}. Nothing is requested until a tile is asked for.
     * The cache keeps at most {@code limitBytes} of tile data: beyond it, the tiles least recently stored or shown
     * are removed.
     *
     * @throws MbTilesException when the cache folder cannot be made or the cache file cannot be opened
     */
    public static OnlineTiles open(XyzSource source, Path cacheDir, RateLimiter limiter, Duration timeout,
                                   long limitBytes) throws MbTilesException {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("cache limit must be positive, got " + limitBytes);
        }
        Path file = cacheFile(source, cacheDir);
        try {
            Files.createDirectories(cacheDir);
        } catch (java.io.IOException e) {
            throw new MbTilesException(file, "cannot create the tile cache folder " + cacheDir + ": " + e.getMessage(), e);
        }
        // The writer first: it creates the file and switches it to write-ahead logging before any reader opens it.
        MbTilesWriter writer = MbTilesWriter.openShared(file);
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("name", source.name() + " (cache)");
            meta.put("type", "baselayer");
            meta.put("attribution", source.attribution());
            meta.put("description", "Tiles of " + source.urlTemplate() + " seen on the map");
            writer.putMetadata(meta);
            MbTilesSource reader = MbTilesSource.open(file);
            return new OnlineTiles(source, file, writer, reader, limiter, timeout, limitBytes);
        } catch (MbTilesException | RuntimeException e) {
            try {
                writer.close();
            } catch (MbTilesException ignored) {
                // the error that brought us here is the one to report
            }
            throw e;
        }
    }

    /**
     * One file per source and URL: the name for people, a hash of the URL template so a source whose URL changes
     * does not mix two servers' tiles in one file.
     */
    public static Path cacheFile(XyzSource source, Path cacheDir) {
        String slug = XyzSource.slug(source.name());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.urlTemplate().getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve((slug.isEmpty() ? "source" : slug) + "-" + HexFormat.of().formatHex(hash, 0, 4)
                    + ".mbtiles");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public XyzSource source() {
        return source;
    }

    public Path cacheFile() {
        return cacheFile;
    }

    /** The cache as a reader: what a basemap shows offline. */
    public MbTilesSource cache() {
        return reader;
    }

    /** Requests sent to the server so far. */
    public long requests() {
        return requests.get();
    }

    /** The tile from the cache, or empty; never touches the network. */
    public Optional<byte[]> cached(TileId id) throws MbTilesException {
        return reader.tile(id);
    }

    /**
     * The tile from the cache, else from the server (then stored in the cache); empty when the server has no such
     * tile (remembered until the source is opened again).
     *
     * @throws TileFetchException   naming the tile and the reason (HTTP status, timeout, refused connection)
     * @throws MbTilesException     when the cache cannot be read or written
     * @throws InterruptedException while waiting for the rate limit or the server
     */
    public Optional<byte[]> tile(TileId id) throws MbTilesException, TileFetchException, InterruptedException {
        Optional<byte[]> hit = reader.tile(id);
        if (hit.isPresent()) {
            if (touched.add(id)) {
                synchronized (writer) {
                    writer.touch(id);
                }
            }
            return hit;
        }
        if (absent.contains(id)) {
            return Optional.empty();
        }
        limiter.acquire();
        // Another thread may have fetched it while this one waited its turn.
        hit = reader.tile(id);
        if (hit.isPresent() || absent.contains(id)) {
            return hit;
        }
        requests.incrementAndGet();
        TileFetcher.Fetch fetch = fetcher.fetch(id);
        if (fetch.absent()) {
            absent.add(id);
            return Optional.empty();
        }
        if (fetch.data() == null) {
            throw new TileFetchException(source.name(), id, fetch.failure(), failures.incrementAndGet());
        }
        store(id, fetch.data());
        return Optional.of(fetch.data());
    }

    private void store(TileId id, byte[] data) throws MbTilesException {
        synchronized (writer) {
            writer.put(id, data);
            touched.add(id);
            storedBytes += data.length;
            if (!formatKnown) {
                formatKnown = writer.noteFormat(data);
            }
            trimIfOver();
        }
    }

    /** Called holding the writer. */
    private void trimIfOver() throws MbTilesException {
        if (storedBytes > limitBytes) {
            storedBytes -= writer.removeOldest(storedBytes - (long) (limitBytes * TRIM_TO));
        }
    }

    /** Bytes of tile data in the cache now; never above the limit once a store has returned. */
    public long cachedBytes() {
        synchronized (writer) {
            return storedBytes;
        }
    }

    /** Closes the cache; calls still running fail with an IllegalStateException from the reader. */
    @Override
    public void close() throws MbTilesException {
        reader.close();
        synchronized (writer) {
            writer.close();
        }
    }
}
