package org.waterchain.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real HTTP tile server on loopback; time is a fake clock, so nothing here waits on the rate. */
class AreaDownloadTest {
    private static final String UA = XyzSource.userAgentWithContact("ops@waterchain.example");
    private static final String FAILING = "2/3/3";
    private static final String SLOW = "2/1/2";
    private static final String MISSING = "2/0/3";
    private static final double RATE = 5.0;

    @TempDir
    Path dir;

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicLong fakeNanos = new AtomicLong();
    private final AtomicInteger sleeps = new AtomicInteger();
    private final List<Request> requests = new ArrayList<>();

    private record Request(String tile, String userAgent, long fakeNanos) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/tiles/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String tile = path.substring("/tiles/".length()).replace(".png", "");
        synchronized (requests) {
            requests.add(new Request(tile, exchange.getRequestHeaders().getFirst("User-Agent"), fakeNanos.get()));
        }
        try (exchange) {
            if (tile.equals(FAILING)) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            if (tile.equals(MISSING)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (tile.equals(SLOW)) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            String[] zxy = tile.split("/");
            byte[] body = TestTiles.png(Integer.parseInt(zxy[0]), Integer.parseInt(zxy[1]), Integer.parseInt(zxy[2]));
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private XyzSource localSource(boolean bulkAllowed) {
        return new XyzSource("Local test tiles",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png",
                "© Local test tiles", bulkAllowed, 18, UA);
    }

    private AreaDownload download(Path target) {
        RateLimiter limiter = new RateLimiter(RATE, fakeNanos::get, nanos -> {
            sleeps.incrementAndGet();
            fakeNanos.addAndGet(nanos);
        });
        return new AreaDownload(localSource(true), BoundingBox.WORLD, 0, 2, target, limiter, Duration.ofMillis(300));
    }

    private List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
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
        assertEquals(expectedOrder, requests().stream().map(Request::tile).toList());
        assertTrue(requests().stream().allMatch(r -> UA.equals(r.userAgent())), requests().toString());
        assertEquals("WaterChain/0.1 (+ops@waterchain.example)", UA);

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
        List<Request> log = requests();
        assertEquals(21, log.size());
        long interval = (long) Math.ceil(1e9 / RATE);
        for (int i = 1; i < log.size(); i++) {
            long gap = log.get(i).fakeNanos() - log.get(i - 1).fakeNanos();
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
        List<Request> log = requests();
        assertEquals(21, log.size());
        Set<String> distinct = new HashSet<>();
        log.forEach(r -> distinct.add(r.tile()));
        assertEquals(21, distinct.size(), "no tile fetched twice: " + log);

        // A third run asks only for what is still missing: the failed tiles and the one the server lacks.
        AreaDownload.Result retry = download(target).run(p -> {});
        assertEquals(18, retry.skipped());
        assertEquals(Set.of(FAILING, SLOW, MISSING),
                Set.copyOf(requests().subList(21, requests().size()).stream().map(Request::tile).toList()));
    }

    @Test
    void refusesSourcesThatForbidBulkDownload() {
        Path target = dir.resolve("osm.mbtiles");
        IllegalArgumentException osm = assertThrows(IllegalArgumentException.class,
                () -> new AreaDownload(XyzSource.openStreetMap(UA), BoundingBox.WORLD, 0, 2, target));
        assertTrue(osm.getMessage().contains("OpenStreetMap (tile.openstreetmap.org)")
                && osm.getMessage().contains("do not allow bulk download"), osm.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> new AreaDownload(localSource(false), BoundingBox.WORLD, 0, 2, target));

        // Marking the OSM servers as allowing it does not make it so.
        XyzSource claimed = new XyzSource("OSM", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OSM",
                true, 19, UA);
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
