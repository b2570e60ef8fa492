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
        XyzSource source = new XyzSource("Local test tiles", url, "© Local test tiles", false, 18, CONTACT);
        return OnlineTiles.open(source, cacheDir, new RateLimiter(1000), timeout);
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
