package org.waterchain.it.devices;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The firmware's host simulator ({@code firmware/target/host/wc-sim}), run as its own process on its own pty. */
final class FirmwareSimulator implements AutoCloseable {
    static final Path BINARY = Path.of("../firmware/target/host/wc-sim");

    private final Process process;
    final String pty;
    final String keyHex;
    /** seq -> the RECORD payload the simulator sent, hex */
    final Map<Long, String> sent = new ConcurrentHashMap<>();

    static void assumeBuilt() {
        assumeTrue(Files.isExecutable(BINARY), "the firmware simulator is not built (" + BINARY.toAbsolutePath()
                + "): run the reactor build (`mvn verify`), which runs make in firmware/");
    }

    FirmwareSimulator(String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toAbsolutePath().toString()));
        cmd.addAll(List.of(options));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        pty = field(out.readLine(), "pty");
        keyHex = field(out.readLine(), "key");
        Thread t = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("record ")) {
                        String[] p = line.split(" ");
                        sent.put(Long.parseLong(p[1]), p[2]);
                    }
                }
            } catch (IOException e) {
                // the simulator exited
            }
        }, "wc-sim stdout");
        t.setDaemon(true);
        t.start();
    }

    private static String field(String line, String name) throws IOException {
        if (line == null || !line.startsWith(name + " ")) {
            throw new IOException("wc-sim: expected a '" + name + " ...' line, got " + line);
        }
        return line.substring(name.length() + 1).trim();
    }

    boolean waitForExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
