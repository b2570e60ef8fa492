package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code waterchain-node} executable jar as a child process ({@code java -jar}), with the JVM
 * that runs the tests. Surefire passes the jar's path as system property {@code waterchain.node.jar}.
 */
final class NodeJar {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    private NodeJar() {}

    /** What a finished command did. */
    record Result(List<String> args, int exit, String out, String err, long millis) {
        String all() {
            return out + err;
        }

        String describe() {
            return "waterchain-node " + String.join(" ", args) + " -> exit " + exit + " in " + millis + " ms\n--- stdout\n"
                    + abbreviate(out) + "\n--- stderr\n" + abbreviate(err);
        }

        private static String abbreviate(String s) {
            return s.length() <= 6000 ? s : s.substring(0, 3000) + "\n[...]\n" + s.substring(s.length() - 3000);
        }
    }

    private static Path snapshot;

    /**
     * A private copy of the jar taken at first use: the build may replace the original while the tests run
     * (another engineer's {@code mvn install}), which would break every process started after that.
     */
    static synchronized Path jar() {
        if (snapshot == null) {
            try {
                Path copy = Files.createTempFile("waterchain-node", ".jar");
                Files.copy(originalJar(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                copy.toFile().deleteOnExit();
                snapshot = copy;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return snapshot;
    }

    private static Path originalJar() {
        String p = System.getProperty("waterchain.node.jar");
        if (p == null) {
            fail("system property waterchain.node.jar is not set (run through Maven: mvn verify -pl src-test)");
        }
        Path jar = Path.of(p);
        if (!Files.isRegularFile(jar)) {
            fail(jar + " does not exist: build it first with mvn -B -q install -DskipTests");
        }
        return jar;
    }

    /** The java launcher of the JVM running the tests. */
    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static List<String> command(Object... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("-jar");
        cmd.add(jar().toString());
        for (Object a : args) {
            cmd.add(a.toString());
        }
        return cmd;
    }

    static Result run(Object... args) {
        return run(DEFAULT_TIMEOUT, args);
    }

    static Result run(Duration timeout, Object... args) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("wc-cli", ".out");
            err = Files.createTempFile("wc-cli", ".err");
            long t0 = System.nanoTime();
            Process p = start(out, err, args);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                fail("waterchain-node " + List.of(args) + " did not finish within " + timeout + "\n" + read(out) + read(err));
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            List<String> argList = new ArrayList<>();
            for (Object a : args) {
                argList.add(a.toString());
            }
            return new Result(argList, p.exitValue(), read(out), read(err), ms);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Starts the jar with stdout and stderr going to the given files (no pipes to fill up). */
    static Process start(Path stdout, Path stderr, Object... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.redirectOutput(stdout.toFile());
        pb.redirectError(stderr.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    static Result ok(Object... args) {
        Result r = run(args);
        assertEquals(0, r.exit(), r.describe());
        return r;
    }

    /**
     * A user error: exit 2 and exactly one line on stderr, "error: ...", with no stack trace anywhere.
     */
    static void assertUserError(Result r, String... mentions) {
        assertEquals(2, r.exit(), "expected exit 2 (user error)\n" + r.describe());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "expected one line on stderr\n" + r.describe());
        assertTrue(lines.get(0).startsWith("error: "), "stderr should start with 'error: '\n" + r.describe());
        assertFalse(r.all().contains("\tat ") || r.all().matches("(?s).*\\w+(Exception|Error)\\b.*"),
                "no stack trace or exception class names for a user error\n" + r.describe());
        for (String m : mentions) {
            assertTrue(lines.get(0).contains(m), "the error should mention '" + m + "'\n" + r.describe());
        }
    }

    static String read(Path f) throws IOException {
        return f == null || !Files.exists(f) ? "" : new String(Files.readAllBytes(f), Charset.defaultCharset());
    }

    private static void deleteQuietly(Path f) {
        if (f != null) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // temp file
            }
        }
    }
}
