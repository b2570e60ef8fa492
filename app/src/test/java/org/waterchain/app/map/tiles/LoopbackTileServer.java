package org.waterchain.app.map.tiles;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * A real HTTP tile server on loopback for the download and live-map tests: it serves {@link TestTiles} PNGs at
 * {@code /tiles/z/x/y.png}, records every request with its User-Agent, and can be told to answer a tile with an error
 * status, to answer slowly, or to hold every request after the first n until released.
 */
public final class LoopbackTileServer implements AutoCloseable {
    public record Request(String tile, String userAgent, long clock) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-tiles");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private volatile LongSupplier clock = () -> 0;
    private volatile int holdAfter = Integer.MAX_VALUE;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private LoopbackTileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/tiles/", this::serve);
        server.start();
    }

    public static LoopbackTileServer start() throws IOException {
        return new LoopbackTileServer();
    }

    public String urlTemplate() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png";
    }

    /** Answers the tile ("z/x/y") with this status and no body: 404 for a tile the server lacks, 500 for a failure. */
    public void answer(String tile, int status) {
        statuses.put(tile, status);
    }

    /** Waits this long before answering the tile. */
    public void delay(String tile, Duration delay) {
        delays.put(tile, delay);
    }

    /** Each request is recorded with this clock's reading (a test's fake clock). */
    public void clock(LongSupplier clock) {
        this.clock = clock;
    }

    /** Serves {@code n} more requests, then holds the following ones until {@link #release()}. */
    public void holdAfter(int n) {
        gate = new CountDownLatch(1);
        synchronized (requests) {
            holdAfter = requests.size() + n;
        }
    }

    public void release() {
        holdAfter = Integer.MAX_VALUE;
        gate.countDown();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String tile = path.substring("/tiles/".length()).replace(".png", "");
        int index;
        synchronized (requests) {
            index = requests.size();
            requests.add(new Request(tile, exchange.getRequestHeaders().getFirst("User-Agent"), clock.getAsLong()));
        }
        try (exchange) {
            if (index >= holdAfter) {
                gate.await();
            }
            Duration delay = delays.get(tile);
            if (delay != null) {
                Thread.sleep(delay.toMillis());
            }
            Integer status = statuses.get(tile);
            if (status != null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            String[] zxy = tile.split("/");
            byte[] body = TestTiles.png(Integer.parseInt(zxy[0]), Integer.parseInt(zxy[1]), Integer.parseInt(zxy[2]));
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout or a cancelled download): nothing to answer
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
