package org.waterchain.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real HTTP tile server on loopback; time is a fake clock, so nothing here waits on the rate. */
class AreaDownloadTest {
    private static final String CONTACT = "ops@waterchain.example";
    private static final String FAILING = "2/3/3";
    private static final String SLOW = "2/1/2";
    private static final String MISSING = "2/0/3";
    private static final double RATE = 5.0;

    @TempDir
    Path dir;

    private LoopbackTileServer server;
    private final AtomicLong fakeNanos = new AtomicLong();
    private final AtomicInteger sleeps = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackTileServer.start();
        server.clock(fakeNanos::get);
        server.answer(FAILING, 500);
        server.answer(MISSING, 404);
        server.delay(SLOW, Duration.ofSeconds(3));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private XyzSource localSource(boolean bulkAllowed) {
        return new XyzSource("Local test tiles", server.urlTemplate(), "© Local test tiles", bulkAllowed, 18, CONTACT);
    }

    private AreaDownload download(Path target) {
        return download(target, Duration.ofMillis(300));
    }

    private AreaDownload download(Path target, Duration timeout) {
        RateLimiter limiter = new RateLimiter(RATE, fakeNanos::get, nanos -> {
            sleeps.incrementAndGet();
            fakeNanos.addAndGet(nanos);
        });
        return new AreaDownload(localSource(true), BoundingBox.WORLD, 0, 2, target, limiter, timeout);
    }

    private List<LoopbackTileServer.Request> requests() {
        return server.requests();
    }

    @Test
    void downloadsTheAreaCountingFailuresWithoutStopping() throws Exception {
        Path target = dir.resolve("area.mbtiles");
        List<AreaDownload.Progress> progress = new ArrayList<>();
        AreaDownload.Result result = download(target).run(progress::add);

        assertEquals(21, result.total());
        assertEquals(18, result.stored());
        assertEquals(1, result.absent());
        assertEquals(0, result.skipped());
        assertFalse(result.cancelled());
        assertEquals(2, result.failed());
        assertEquals(FAILING + ": HTTP 500", result.failures().stream()
                .filter(f -> f.tile().toString().equals(FAILING)).findFirst().orElseThrow().toString());
        assertTrue(result.failures().stream().anyMatch(f -> f.tile().toString().equals(SLOW)
                && f.reason().contains("timed out")), result.failures().toString());
        assertFalse(result.complete());

        assertEquals(21, progress.size());
        for (int i = 0; i < progress.size(); i++) {
            assertEquals(i + 1, progress.get(i).done());
            assertEquals(21, progress.get(i).total());
        }
        assertEquals(2, progress.get(20).failed());

        // Every tile requested once, in grid order, each with the app's User-Agent.
        List<String> expectedOrder = new ArrayList<>();
        TileMath.ranges(BoundingBox.WORLD, 0, 2).forEach(r -> r.forEach(t -> expectedOrder.add(t.toString())));
        assertEquals(expectedOrder, requests().stream().map(LoopbackTileServer.Request::tile).toList());
        String ua = "WaterChain/" + UserAgent.version() + " (+ops@waterchain.example)";
        assertTrue(requests().stream().allMatch(r -> ua.equals(r.userAgent())), requests().toString());

        try (MbTilesSource source = MbTilesSource.open(target)) {
            MbTilesMetadata meta = source.metadata();
            assertEquals("© Local test tiles", meta.attribution());
            assertEquals("Local test tiles", meta.name());
            assertEquals("png", meta.raw().get("format"));
            assertEquals("0", meta.raw().get("minzoom"));
            assertEquals("2", meta.raw().get("maxzoom"));
            assertEquals(18, source.tileCount());
            for (TileRange range : TileMath.ranges(BoundingBox.WORLD, 0, 2)) {
                for (TileId t : range) {
                    String id = t.toString();
                    if (id.equals(FAILING) || id.equals(SLOW) || id.equals(MISSING)) {
                        assertTrue(source.tile(t).isEmpty(), id);
                    } else {
                        assertArrayEquals(TestTiles.png(t), source.tile(t).orElseThrow(), id);
                    }
                }
            }
        }
    }

    @Test
    void spacesRequestsByTheRateLimit() throws Exception {
        download(dir.resolve("rate.mbtiles")).run(p -> {});
        List<LoopbackTileServer.Request> log = requests();
        assertEquals(21, log.size());
        long interval = (long) Math.ceil(1e9 / RATE);
        for (int i = 1; i < log.size(); i++) {
            long gap = log.get(i).clock() - log.get(i - 1).clock();
            assertTrue(gap >= interval, "request " + i + " came " + gap + " ns after the previous one");
        }
        // The fake clock only moves when the limiter sleeps: it must have waited before every request but the first.
        assertEquals(20, sleeps.get());
    }

    @Test
    void resumesAfterCancelWithoutRefetching() throws Exception {
        Path target = dir.resolve("resume.mbtiles");
        AreaDownload first = download(target);
        AreaDownload.Result partial = first.run(p -> {
            if (p.done() == 5) {
                first.cancel();
            }
        });
        assertTrue(partial.cancelled());
        assertEquals(5, partial.stored());
        assertEquals(5, requests().size());

        AreaDownload.Result rest = download(target).run(p -> {});
        assertFalse(rest.cancelled());
        assertEquals(5, rest.skipped());
        assertEquals(13, rest.stored());
        List<LoopbackTileServer.Request> log = requests();
        assertEquals(21, log.size());
        Set<String> distinct = new HashSet<>();
        log.forEach(r -> distinct.add(r.tile()));
        assertEquals(21, distinct.size(), "no tile fetched twice: " + log);

        // A third run asks only for what is still missing: the failed tiles and the one the server lacks.
        AreaDownload.Result retry = download(target).run(p -> {});
        assertEquals(18, retry.skipped());
        assertEquals(Set.of(FAILING, SLOW, MISSING),
                Set.copyOf(requests().subList(21, requests().size()).stream().map(LoopbackTileServer.Request::tile).toList()));
    }

    @Test
    @Timeout(60)
    void cancelCutsARequestInFlightShortAndTheNextRunResumes() throws Exception {
        Path target = dir.resolve("held.mbtiles");
        server.holdAfter(3);
        // A timeout far beyond the test's guard: only the cancel can end the held request in time.
        AreaDownload held = download(target, Duration.ofMinutes(10));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<AreaDownload.Result> running = runner.submit(() -> held.run(p -> {}));
            while (requests().size() < 4) {
                Thread.sleep(10);
            }
            held.cancel();
            AreaDownload.Result partial = running.get();
            assertTrue(partial.cancelled());
            assertEquals(3, partial.stored());
            assertEquals(List.of(), partial.failures(), "a request cut short by cancel is not the server's failure");
            // the cancel's interrupt was for the download only: the thread that ran it goes on uninterrupted
            assertFalse(runner.submit(() -> Thread.currentThread().isInterrupted()).get());
        } finally {
            runner.shutdownNow();
        }
        server.release();
        AreaDownload.Result rest = download(target).run(p -> {});
        assertEquals(3, rest.skipped());
        assertEquals(15, rest.stored());
    }

    @Test
    void refusesSourcesThatForbidBulkDownload() {
        Path target = dir.resolve("osm.mbtiles");
        IllegalArgumentException osm = assertThrows(IllegalArgumentException.class,
                () -> new AreaDownload(XyzSource.openStreetMap(CONTACT), BoundingBox.WORLD, 0, 2, target));
        assertTrue(osm.getMessage().contains("OpenStreetMap (tile.openstreetmap.org) does not allow bulk download"),
                osm.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> new AreaDownload(localSource(false), BoundingBox.WORLD, 0, 2, target));

        // Marking the OSM servers as allowing it does not make it so.
        XyzSource claimed = new XyzSource("OSM", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OSM",
                true, 19, CONTACT);
        assertThrows(IllegalArgumentException.class, () -> new AreaDownload(claimed, BoundingBox.WORLD, 0, 2, target));

        assertFalse(Files.exists(target));
        assertTrue(requests().isEmpty());
    }

    @Test
    void addsToAnExistingFileAndCreditsBothSources() throws Exception {
        Path target = dir.resolve("existing.mbtiles");
        try (MbTilesWriter w = MbTilesWriter.open(target)) {
            w.putMetadata(java.util.Map.of("name", "district", "attribution", "© Earlier survey",
                    "minzoom", "3", "maxzoom", "5"));
            w.put(new TileId(0, 0, 0), TestTiles.png(0, 0, 0));
        }
        AreaDownload.Result result = download(target).run(p -> {});
        assertEquals(1, result.skipped());
        try (MbTilesSource source = MbTilesSource.open(target)) {
            assertEquals("district", source.metadata().name());
            assertEquals("© Earlier survey; © Local test tiles", source.metadata().attribution());
            assertEquals(0, source.metadata().minZoom());
            assertEquals(5, source.metadata().maxZoom());
        }
    }
}
