package org.waterchain.it.modbus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the outside programs the Modbus integration test drives: socat for the pty pair and a python3 that can
 * import Debian's pymodbus and serial_asyncio (packages python3-pymodbus, python3-serial-asyncio).
 */
final class ModbusTools {
    static final String APT_PACKAGES = "socat python3-pymodbus python3-serial-asyncio";

    private ModbusTools() {}

    static boolean hasSocat() {
        return run(List.of("socat", "-V")).isPresent();
    }

    /**
     * A python3 with pymodbus and serial_asyncio. Debian's system interpreter comes first: a python3 earlier on the
     * PATH (pyenv, a virtualenv) does not see the Debian packages.
     */
    static Optional<String> python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            Optional<String> version = run(List.of(candidate, "-c",
                    "import pymodbus, serial_asyncio; print(pymodbus.__version__)"));
            if (version.isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The command's standard output when it exits 0 within ten seconds. */
    private static Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
