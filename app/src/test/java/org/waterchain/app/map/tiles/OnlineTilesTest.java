package org.waterchain.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live map's tiles from a real HTTP server on loopback, cached in a real MBTiles file. */
class OnlineTilesTest {
    private static final String CONTACT = "ops@waterchain.example";

    @TempDir
    Path cacheDir;

    private LoopbackTileServer server;
    private OnlineTiles tiles;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackTileServer.start();
        tiles = open(server.urlTemplate(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        tiles.close();
        server.close();
    }

    private OnlineTiles open(String url, Duration timeout) throws MbTilesException {
        return open(url, timeout, OnlineTiles.DEFAULT_CACHE_LIMIT_BYTES);
    }

    private OnlineTiles open(String url, Duration timeout, long limitBytes) throws MbTilesException {
        XyzSource source = new XyzSource("Local test tiles", url, "© Local test tiles", false, 18, CONTACT);
        return OnlineTiles.open(source, cacheDir, new RateLimiter(1000), timeout, limitBytes);
    }

    @Test
    void theCacheKeepsToItsLimitByRemovingTheTilesLeastRecentlySeen() throws Exception {
        List<TileId> ids = List.of(new TileId(6, 10, 20), new TileId(6, 11, 20), new TileId(6, 12, 20),
                new TileId(6, 13, 20), new TileId(6, 14, 20));
        long each = TestTiles.png(ids.get(0)).length;
        for (TileId id : ids) {
            assertTrue(Math.abs(TestTiles.png(id).length - each) < each / 4, "test tiles of about one size");
        }
        tiles.close();
        long limit = 3 * each + each / 2; // room for three tiles, not four
        tiles = open(server.urlTemplate(), Duration.ofSeconds(5), limit);

        tiles.tile(ids.get(0));
        tiles.tile(ids.get(1));
        tiles.tile(ids.get(2));
        tiles.close();
        // a later session shows the first tile again: that keeps it, and the second becomes the oldest
        tiles = open(server.urlTemplate(), Duration.ofSeconds(5), limit);
        tiles.tile(ids.get(0));
        tiles.tile(ids.get(3));
        assertTrue(tiles.cachedBytes() <= limit, tiles.cachedBytes() + " bytes cached, limit " + limit);
        assertTrue(tiles.cached(ids.get(1)).isEmpty(), "the tile seen longest ago went");
        assertTrue(tiles.cached(ids.get(0)).isPresent(), "the tile just shown stayed");
        assertTrue(tiles.cached(ids.get(3)).isPresent());
        assertEquals(1, tiles.requests(), "one request in this session: the first tile came from the cache");

        tiles.tile(ids.get(4));
        assertTrue(tiles.cachedBytes() <= limit);
        try (MbTilesWriter file = MbTilesWriter.open(tiles.cacheFile())) {
            assertEquals(tiles.cachedBytes(), file.tileBytes(), "the count kept matches the file");
        }
        tiles.close();

        // a smaller limit trims an existing cache as it opens, the tiles seen last surviving
        tiles = open(server.urlTemplate(), Duration.ofSeconds(5), each + each / 2);
        assertTrue(tiles.cached(ids.get(4)).isPresent());
        for (TileId gone : List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3))) {
            assertTrue(tiles.cached(gone).isEmpty(), gone + " was removed");
        }
    }

    @Test
    void aFetchedTileIsCachedAndServedFromTheCacheAfterwards() throws Exception {
        TileId t = new TileId(3, 6, 3);
        assertTrue(tiles.cached(t).isEmpty());
        assertArrayEquals(TestTiles.png(t), tiles.tile(t).orElseThrow());
        assertEquals(1, tiles.requests());
        assertArrayEquals(TestTiles.png(t), tiles.cached(t).orElseThrow());
        assertArrayEquals(TestTiles.png(t), tiles.tile(t).orElseThrow());
        assertEquals(1, tiles.requests(), "the second read came from the cache");
        assertEquals(List.of("3/6/3"), server.requests().stream().map(LoopbackTileServer.Request::tile).toList());
        assertEquals("WaterChain/" + UserAgent.version() + " (+" + CONTACT + ")", server.requests().get(0).userAgent(),
                "the configured User-Agent, on the request");

        Path file = tiles.cacheFile();
        assertTrue(file.startsWith(cacheDir) && file.getFileName().toString().matches("local-test-tiles-[0-9a-f]{8}\\.mbtiles"),
                file.toString());
        try (MbTilesSource cache = MbTilesSource.open(file)) {
            assertEquals("© Local test tiles", cache.metadata().attribution());
            assertEquals(TileFormat.PNG, cache.metadata().format());
            assertArrayEquals(TestTiles.png(t), cache.tile(t).orElseThrow(), "readable by any MBTiles reader");
        }
    }

    @Test
    void cachedTilesStayAvailableOfflineAndAMissingOneSaysWhy() throws Exception {
        TileId seen = new TileId(2, 1, 1);
        tiles.tile(seen);
        tiles.close();
        String url = server.urlTemplate();
        server.close();

        tiles = open(url, Duration.ofSeconds(5));
        assertArrayEquals(TestTiles.png(seen), tiles.tile(seen).orElseThrow());
        assertEquals(0, tiles.requests());
        TileFetchException e = assertThrows(TileFetchException.class, () -> tiles.tile(new TileId(2, 2, 1)));
        assertTrue(e.getMessage().startsWith("Local test tiles: tile 2/2/1 failed: request failed: java.net.ConnectException"),
                e.getMessage());
    }

    @Test
    void serverErrorsAndTimeoutsNameTheTileAndTheRestKeepsWorking() throws Exception {
        tiles.close();
        tiles = open(server.urlTemplate(), Duration.ofMillis(300));
        server.answer("4/1/1", 500);
        server.answer("4/2/1", 404);
        server.delay("4/3/1", Duration.ofSeconds(3));

        TileFetchException error = assertThrows(TileFetchException.class, () -> tiles.tile(new TileId(4, 1, 1)));
        assertEquals("Local test tiles: tile 4/1/1 failed: HTTP 500", error.getMessage());
        assertEquals("HTTP 500", error.reason());
        assertTrue(tiles.tile(new TileId(4, 2, 1)).isEmpty(), "404: the server has no such tile, not an error");
        long asked = tiles.requests();
        assertTrue(tiles.tile(new TileId(4, 2, 1)).isEmpty());
        assertEquals(asked, tiles.requests(), "a tile the server does not have is not asked for again on a redraw");
        TileFetchException timeout = assertThrows(TileFetchException.class, () -> tiles.tile(new TileId(4, 3, 1)));
        assertEquals("Local test tiles: tile 4/3/1 failed: timed out after 300 ms (2 tiles failed so far)",
                timeout.getMessage());
        assertTrue(tiles.tile(new TileId(4, 4, 1)).isPresent(), "the next tile loads as usual");
        assertTrue(tiles.cached(new TileId(4, 1, 1)).isEmpty(), "a failure is not cached, so it is tried again");
    }

    @Test
    void aSlowTileDoesNotHoldUpTilesFromTheCache() throws Exception {
        TileId cached = new TileId(5, 3, 3);
        tiles.tile(cached);
        server.holdAfter(0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> slow = pool.submit(() -> tiles.tile(new TileId(5, 9, 9)));
            while (server.requests().size() < 2) {
                Thread.sleep(10);
            }
            // the slow request is held by the server right now
            assertArrayEquals(TestTiles.png(cached), pool.submit(() -> tiles.tile(cached).orElseThrow()).get());
            server.release();
            slow.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, tiles.requests());
    }

    @Test
    void tilesFetchedOnSeveralThreadsAllReachTheCache() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<byte[]>> got = new ArrayList<>();
        List<TileId> ids = new ArrayList<>();
        TileMath.range(BoundingBox.WORLD, 3).forEach(ids::add);
        try {
            for (TileId id : ids) {
                got.add(pool.submit(() -> tiles.tile(id).orElseThrow()));
            }
            for (int i = 0; i < ids.size(); i++) {
                assertArrayEquals(TestTiles.png(ids.get(i)), got.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (MbTilesSource cache = MbTilesSource.open(tiles.cacheFile())) {
            assertEquals(64, cache.tileCount());
        }
    }
}
