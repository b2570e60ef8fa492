package org.waterchain.it.modbus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The pymodbus RTU slave of {@code modbus/rtu_slave.py}, running on one end of a {@link PtyPair}. */
final class RtuSlave implements AutoCloseable {
    /** Exit status of the script when the installed pymodbus has a server API it does not support. */
    static final int UNSUPPORTED_PYMODBUS = 3;

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private RtuSlave(Process process) {
        this.process = process;
    }

    /** Starts the slave and waits until it has the port open; throws UnsupportedPymodbus for status 3. */
    static RtuSlave start(String python, Path workDir, String port) throws IOException, InterruptedException {
        Path script = workDir.resolve("rtu_slave.py");
        if (!Files.exists(script)) {
            try (InputStream in = RtuSlave.class.getResourceAsStream("/modbus/rtu_slave.py")) {
                if (in == null) {
                    throw new IOException("modbus/rtu_slave.py is missing from the test resources");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Process p = new ProcessBuilder(python, script.toString(), "--port", port).redirectErrorStream(true).start();
        RtuSlave slave = new RtuSlave(p);
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    slave.output.add(line);
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                slave.output.add("(output closed: " + e.getMessage() + ")");
            }
        }, "rtu-slave-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!ready.await(50, TimeUnit.MILLISECONDS)) {
            if (!p.isAlive()) {
                reader.join(1000);
                if (p.exitValue() == UNSUPPORTED_PYMODBUS) {
                    throw new UnsupportedPymodbus(slave.output());
                }
                throw new IOException("the RTU slave exited with status " + p.exitValue() + ":\n" + slave.output());
            }
            if (System.nanoTime() > deadline) {
                slave.close();
                throw new IOException("the RTU slave was not ready within 20 s:\n" + slave.output());
            }
        }
        return slave;
    }

    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The installed pymodbus is not one the slave script supports: the test is skipped, not failed. */
    static final class UnsupportedPymodbus extends IOException {
        UnsupportedPymodbus(String output) {
            super(output);
        }
    }
}
