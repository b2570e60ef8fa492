package org.waterchain.it.devices;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pair of joined pseudo-terminals made by socat, reachable under fixed symlink paths so that a restarted
 * pair comes back under the same names, as a re-plugged USB adapter does under /dev/serial/by-id.
 */
final class SocatPtyPair implements AutoCloseable {
    final Path device;
    final Path peer;
    private Process socat;

    SocatPtyPair(Path dir) {
        this.device = dir.resolve("ttyDEVICE");
        this.peer = dir.resolve("ttyPEER");
    }

    static void assumeSocat() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")),
                "socat is not installed (apt-get install socat): the pty tests need a real pseudo-terminal pair");
    }

    SocatPtyPair start() throws IOException, InterruptedException {
        socat = new ProcessBuilder("/usr/bin/socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + peer)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(device) && Files.exists(peer))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not create " + device + " and " + peer);
            }
            Thread.sleep(20);
        }
        return this;
    }

    /** Kills socat: both ends vanish, as when a cable is pulled. */
    void kill() throws InterruptedException {
        if (socat != null) {
            socat.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            socat = null;
        }
    }

    @Override
    public void close() {
        if (socat != null) {
            socat.destroyForcibly();
        }
    }
}
