package org.waterchain.it.modbus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two pseudo-terminals joined by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: a null-modem cable in
 * software. socat prints each pty's path on stderr ({@code ... N PTY is /dev/pts/3}); the second end also gets a
 * symlink of our choosing, so that a restarted pair can be found under the same name, as a re-plugged USB adapter
 * is.
 */
final class PtyPair implements AutoCloseable {
    private static final Pattern PTY_LINE = Pattern.compile("PTY is (\\S+)");

    private final Process socat;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final String first;
    private final String second;
    private final Path secondLink;

    PtyPair(Path secondLink) throws IOException, InterruptedException {
        this.secondLink = secondLink;
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0,link=" + secondLink).start();
        LinkedBlockingQueue<String> ptys = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.add(line);
                    Matcher m = PTY_LINE.matcher(line);
                    if (m.find()) {
                        ptys.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                log.add("(stderr closed: " + e.getMessage() + ")");
            }
        }, "socat-stderr");
        reader.setDaemon(true);
        reader.start();
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (found.size() < 2 && System.nanoTime() < deadline) {
            String p = ptys.poll(100, TimeUnit.MILLISECONDS);
            if (p != null) {
                found.add(p);
            }
        }
        if (found.size() < 2) {
            close();
            throw new IOException("socat did not report two ptys within 10 s; its stderr: " + log);
        }
        first = found.get(0);
        second = found.get(1);
        while (!secondLink.toFile().exists() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The first pty's path as socat printed it, for the slave. */
    String first() {
        return first;
    }

    /** The second pty's path as socat printed it. */
    String second() {
        return second;
    }

    /** A stable name for the second pty, for the master. */
    Path secondLink() {
        return secondLink;
    }

    String log() {
        return String.join("\n", log);
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
                socat.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
