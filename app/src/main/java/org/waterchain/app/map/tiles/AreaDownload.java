package org.waterchain.app.map.tiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prefetches an area over a zoom range from an XYZ source into an MBTiles file, for use in the field without a
 * network. Only sources whose terms permit bulk download are accepted.
 *
 * <p>Polite by construction: one request at a time, spaced by a {@link RateLimiter}, each with the source's
 * User-Agent. Resumable: tiles already in the file are not requested again, and every stored tile is committed
 * at once, so a cancelled or crashed run loses nothing. A tile that fails (HTTP error, timeout) is counted and
 * reported and the rest continue; it is not stored, so the next run tries it again.
 *
 * <p>{@link #run} blocks: call it off the UI thread, once per instance. {@link #cancel} may be called from any
 * thread.
 */
public final class AreaDownload {
    public static final double DEFAULT_REQUESTS_PER_SECOND = 2.0;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Counts so far; {@code done} includes stored, skipped, absent and failed tiles. */
    public record Progress(long done, long total, long stored, long skipped, long absent, long failed) {}

    public record FailedTile(TileId tile, String reason) {
        @Override
        public String toString() {
            return tile + ": " + reason;
        }
    }

    /**
     * @param skipped  already in the file before this run
     * @param absent   answered 404 or 204: the server has no such tile (common over sea), not an error
     * @param failures tiles not stored because of an error, with the reason, in request order
     */
    public record Result(Path target, long total, long stored, long skipped, long absent, List<FailedTile> failures,
                         boolean cancelled) {
        public Result {
            failures = List.copyOf(failures);
        }

        public long failed() {
            return failures.size();
        }

        /** Every tile of the area is now in the file or known not to exist on the server. */
        public boolean complete() {
            return !cancelled && failures.isEmpty();
        }
    }

    @FunctionalInterface
    public interface ProgressListener {
        /** Called on the downloading thread after each tile; keep it short (hand over to the UI thread). */
        void onProgress(Progress progress);
    }

    private final XyzSource source;
    private final BoundingBox area;
    private final int minZoom;
    private final int maxZoom;
    private final Path target;
    private final RateLimiter limiter;
    private final TileFetcher fetcher;
    private final Object runnerLock = new Object();
    private Thread runner;
    private volatile boolean cancelRequested;

    public AreaDownload(XyzSource source, BoundingBox area, int minZoom, int maxZoom, Path target) {
        this(source, area, minZoom, maxZoom, target, new RateLimiter(DEFAULT_REQUESTS_PER_SECOND), DEFAULT_TIMEOUT);
    }

    /**
     * @throws IllegalArgumentException when the source does not permit bulk download, or the zoom range is
     *                                  outside what the source serves
     */
    public AreaDownload(XyzSource source, BoundingBox area, int minZoom, int maxZoom, Path target,
                        RateLimiter limiter, Duration timeout) {
        if (!source.permitsBulkDownload()) {
            throw new IllegalArgumentException("refusing to download an area: " + source.bulkDownloadRefusal());
        }
        TileMath.checkZoom(minZoom);
        TileMath.checkZoom(maxZoom);
        if (minZoom > maxZoom) {
            throw new IllegalArgumentException("zoom range " + minZoom + ".." + maxZoom + " is empty");
        }
        if (maxZoom > source.maxZoom()) {
            throw new IllegalArgumentException(source.name() + " serves zoom levels up to " + source.maxZoom()
                    + ", not " + maxZoom);
        }
        this.source = source;
        this.area = area;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.target = target;
        this.limiter = limiter;
        this.fetcher = new TileFetcher(source, timeout);
    }

    public long totalTiles() {
        return TileMath.count(area, minZoom, maxZoom);
    }

    /**
     * Stops soon: a request in flight or a wait for the rate limit is interrupted, and {@link #run} returns a result
     * marked cancelled. Tiles stored so far stay; a new download into the same file resumes from there.
     */
    public void cancel() {
        cancelRequested = true;
        synchronized (runnerLock) {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    public Result run(ProgressListener listener) throws MbTilesException {
        synchronized (runnerLock) {
            runner = Thread.currentThread();
        }
        try {
            return download(listener);
        } finally {
            synchronized (runnerLock) {
                runner = null;
                if (cancelRequested) {
                    // The interrupt was ours, to cut a request short; the caller's thread must not keep it.
                    Thread.interrupted();
                }
            }
        }
    }

    private Result download(ProgressListener listener) throws MbTilesException {
        long total = totalTiles();
        long stored = 0;
        long skipped = 0;
        long absent = 0;
        List<FailedTile> failures = new ArrayList<>();
        boolean cancelled = false;
        try (MbTilesWriter writer = MbTilesWriter.open(target)) {
            // Metadata first, so even a partial file says where its tiles came from.
            writer.putMetadata(metadataFor(writer.metadata()));
            boolean formatKnown = writer.metadata("format").isPresent();
            outer:
            for (TileRange range : TileMath.ranges(area, minZoom, maxZoom)) {
                for (TileId tile : range) {
                    if (cancelRequested || Thread.currentThread().isInterrupted()) {
                        cancelled = true;
                        break outer;
                    }
                    if (writer.contains(tile)) {
                        skipped++;
                    } else {
                        TileFetcher.Fetch fetch;
                        try {
                            limiter.acquire();
                            fetch = fetcher.fetch(tile);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            cancelled = true;
                            break outer;
                        }
                        if (fetch.data() != null) {
                            writer.put(tile, fetch.data());
                            stored++;
                            if (!formatKnown) {
                                formatKnown = writer.noteFormat(fetch.data());
                            }
                        } else if (fetch.absent()) {
                            absent++;
                        } else if (cancelRequested) {
                            // the request failed because cancel cut it short: not the server's failure
                            cancelled = true;
                            break outer;
                        } else {
                            failures.add(new FailedTile(tile, fetch.failure()));
                        }
                    }
                    listener.onProgress(new Progress(stored + skipped + absent + failures.size(), total,
                            stored, skipped, absent, failures.size()));
                }
            }
        }
        return new Result(target, total, stored, skipped, absent, failures, cancelled);
    }

    private Map<String, String> metadataFor(Map<String, String> existing) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("name", existing.getOrDefault("name", source.name()));
        out.putIfAbsent("type", existing.getOrDefault("type", "baselayer"));
        String attribution = existing.getOrDefault("attribution", "");
        if (attribution.isBlank()) {
            attribution = source.attribution();
        } else if (!attribution.contains(source.attribution())) {
            // Tiles from two sources in one file: both must be credited.
            attribution = attribution + "; " + source.attribution();
        }
        out.put("attribution", attribution);
        BoundingBox bounds = area;
        try {
            if (existing.containsKey("bounds")) {
                bounds = BoundingBox.parse(existing.get("bounds")).union(area);
            }
        } catch (IllegalArgumentException ignored) {
            // an unreadable earlier value is replaced by this area
        }
        out.put("bounds", bounds.toMetadata());
        out.put("minzoom", Integer.toString(Math.min(minZoom, parseIntOr(existing.get("minzoom"), minZoom))));
        out.put("maxzoom", Integer.toString(Math.max(maxZoom, parseIntOr(existing.get("maxzoom"), maxZoom))));
        if (!existing.containsKey("center")) {
            double lon = (bounds.west() + bounds.east()) / 2;
            double lat = (bounds.south() + bounds.north()) / 2;
            out.put("center", String.format(Locale.ROOT, "%s,%s,%d", lon, lat, minZoom));
        }
        return out;
    }

    private static int parseIntOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
