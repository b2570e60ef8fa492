package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;
import org.waterchain.app.settings.AppSettings;

/**
 * For the online-source and download UI tests: an app home of the test's own, a guard that records (and refuses)
 * any request to a host other than loopback on whatever thread it happens (every URL connection and HTTP client asks
 * the default proxy selector first), and the FX helpers they share.
 */
final class OnlineSourceTestSupport {
    static final Path SHOTS = Path.of("target", "screenshots");

    private final List<URI> offLoopback = new CopyOnWriteArrayList<>();
    private final ProxySelector previous = ProxySelector.getDefault();

    private OnlineSourceTestSupport() {}

    /** Uses {@code home} as the app's home and blocks the network beyond loopback until {@link #restore()}. */
    static OnlineSourceTestSupport offline(Path home) {
        System.setProperty(AppSettings.HOME_PROPERTY, home.toString());
        OnlineSourceTestSupport support = new OnlineSourceTestSupport();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                if (!loopback(uri.getHost())) {
                    support.offLoopback.add(uri);
                    throw new IllegalStateException("network blocked in this test: " + uri);
                }
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
        return support;
    }

    /** Puts the network and the home back, and fails if anything asked for another host meanwhile. */
    void restore() {
        ProxySelector.setDefault(previous);
        System.clearProperty(AppSettings.HOME_PROPERTY);
        assertEquals(List.of(), offLoopback, "no connection to any host but loopback");
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitFor(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void shot(Scene scene, String name) throws IOException {
        Files.createDirectories(SHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(fx(() -> scene.snapshot(null)), null), "png", SHOTS.resolve(name).toFile());
    }

    /** Unlists every basemap (tests share the registry, which is static). */
    static void clearBasemaps() throws Exception {
        fx(() -> {
            BasemapRegistry.select(null);
            return null;
        });
        for (Basemap b : BasemapRegistry.all()) {
            BasemapRegistry.remove(b);
        }
    }

    private static boolean loopback(String host) {
        if (host == null) {
            return true;
        }
        try {
            return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
