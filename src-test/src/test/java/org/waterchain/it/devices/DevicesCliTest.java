package org.waterchain.it.devices;

import static org.junit.jupiter.api.Assertions.*;
import static org.waterchain.it.devices.SerialDriverPtyTest.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an installer types: create a node, plug in a sensor node (the firmware simulator), enroll it from its
 * HELLO, listen, stop with Ctrl-C, and find its records with the node's query command. Bad input gets a clear
 * message and exit code 2.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DevicesCliTest {
    static final Path DEVICES_JAR = Path.of("../devices/target/waterchain-devices.jar");
    static final Path NODE_JAR = Path.of("../ledger/target/waterchain-node.jar");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsJarsAndSimulator() {
        FirmwareSimulator.assumeBuilt();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(DEVICES_JAR) && Files.exists(NODE_JAR),
                "the shaded jars are built in the package phase: run `mvn verify` from the reactor root");
    }

    @Test
    void installerEnrollsListensAndQueries() throws Exception {
        Path data = tmp.resolve("node");
        assertEquals(0, run(NODE_JAR, "init", "--data", data).exit);
        try (FirmwareSimulator sim = new FirmwareSimulator("--station", "R09", "--device", "R09-C", "--interval-ms", "500",
                "--state-dir", tmp.resolve("sensor").toString())) {
            Result enroll = run(DEVICES_JAR, "enroll", "--data", data, "--station", "R09", "--port", sim.pty);
            assertEquals(0, enroll.exit, enroll.describe());
            assertTrue(enroll.out.contains("enrolled sensor node R09-C"), enroll.describe());
            assertTrue(enroll.out.contains(sim.keyHex), enroll.describe());

            Path out = tmp.resolve("listen.out");
            Path err = tmp.resolve("listen.err");
            Process listen = new ProcessBuilder(command(DEVICES_JAR, "listen", "--data", data, "--port", sim.pty, "--stats-every", "1"))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                waitFor(() -> accepted(out) >= 3, "three records accepted by `listen`");
            } finally {
                listen.destroy(); // SIGTERM, as Ctrl-C
                boolean stopped = listen.waitFor(30, TimeUnit.SECONDS);
                if (!stopped) {
                    listen.destroyForcibly();
                }
                assertTrue(stopped, "listen stops on SIGTERM");
            }
        }
        Result q = run(NODE_JAR, "query", "--data", data, "--station", "R09", "--format", "csv");
        assertEquals(0, q.exit, q.describe());
        long rows = q.out.lines().filter(l -> l.contains("R09-C")).count();
        assertTrue(rows >= 3, q.describe());
        Result v = run(NODE_JAR, "verify", "--data", data);
        assertEquals(0, v.exit, "the ledger audits clean after the devices wrote to it\n" + v.describe());
    }

    @Test
    void badInputIsAClearUserError() throws Exception {
        Path data = tmp.resolve("node");
        assertEquals(0, run(NODE_JAR, "init", "--data", data).exit);
        Result badKey = run(DEVICES_JAR, "enroll", "--data", data, "--station", "R09", "--device", "R09-X", "--key", "abc");
        assertEquals(2, badKey.exit, badKey.describe());
        assertTrue(badKey.err.contains("--key"), badKey.describe());
        Result nothing = run(DEVICES_JAR, "listen", "--data", data);
        assertEquals(2, nothing.exit, nothing.describe());
        assertTrue(nothing.err.contains("nothing to listen to"), nothing.describe());
        Result noDir = run(DEVICES_JAR, "listen", "--data", tmp.resolve("missing"), "--port", "/dev/null");
        assertEquals(2, noDir.exit, noDir.describe());
        assertTrue(noDir.err.contains("not a node data directory"), noDir.describe());
        Result badStation = run(DEVICES_JAR, "enroll", "--data", data, "--station", "NOPE", "--device", "N-1", "--gateway");
        assertEquals(1, badStation.exit, badStation.describe());
        assertTrue(badStation.err.contains("unknown station NOPE"), badStation.describe());
    }

    private static long accepted(Path out) {
        try {
            return Files.readAllLines(out).stream().filter(l -> l.contains("records accepted"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll(".*: (\\d+) records accepted.*", "$1"))).max().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    record Result(List<String> cmd, int exit, String out, String err) {
        String describe() {
            return String.join(" ", cmd) + " -> " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static List<String> command(Path jar, Object... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        for (Object a : args) {
            cmd.add(a.toString());
        }
        return cmd;
    }

    private Result run(Path jar, Object... args) throws Exception {
        Path out = Files.createTempFile(tmp, "cli", ".out");
        Path err = Files.createTempFile(tmp, "cli", ".err");
        List<String> cmd = command(jar, args);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish");
        }
        return new Result(cmd, p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
