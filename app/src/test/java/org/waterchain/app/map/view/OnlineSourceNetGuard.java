package org.waterchain.app.map.view;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For the online-source UI tests: every URL connection and HTTP client asks the default proxy selector first, so
 * installing this one records (and refuses) any request to a host other than loopback, on whatever thread it happens.
 */
final class OnlineSourceNetGuard {
    static final Path SHOTS = Path.of("target", "screenshots");

    private final List<URI> offLoopback = new CopyOnWriteArrayList<>();
    private final ProxySelector previous = ProxySelector.getDefault();

    private OnlineSourceNetGuard() {}

    static OnlineSourceNetGuard install() {
        OnlineSourceNetGuard guard = new OnlineSourceNetGuard();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                if (!loopback(uri.getHost())) {
                    guard.offLoopback.add(uri);
                    throw new IllegalStateException("network blocked in this test: " + uri);
                }
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
        return guard;
    }

    /** Requests refused so far because they were for another host. */
    List<URI> offLoopback() {
        return List.copyOf(offLoopback);
    }

    void uninstall() {
        ProxySelector.setDefault(previous);
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
