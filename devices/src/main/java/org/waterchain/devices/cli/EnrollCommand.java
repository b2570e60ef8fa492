package org.waterchain.devices.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.waterchain.devices.enroll.DeviceEnrollment;
import org.waterchain.devices.sensornode.SensorNodeDriver;
import org.waterchain.devices.serial.PortSettings;
import org.waterchain.devices.wire.WireMessage.Hello;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.node.Receipt;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "enroll", description = {"Register a device for a station on the value chain, signed with this node's key"
        + " (which must be the station's operator or a regulator). A replaced device is enrolled again the same way.",
        "  from a connected sensor node:   enroll --data D --station R04 --port /dev/ttyUSB0",
        "  with a known key:               enroll --data D --station R04 --device R04-B --key <64 hex>",
        "  a device this node signs for:   enroll --data D --station R04 --device R04-EC --gateway"})
final class EnrollCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Option(names = "--station", required = true, description = "station id, e.g. R04")
    String station;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--port", description = "read the device id and key from the HELLO of the sensor node on this port")
        String port;

        @ArgGroup(exclusive = false)
        Explicit explicit;
    }

    static final class Explicit {
        @Option(names = "--device", required = true, description = "device id (1-32 printable characters)")
        String device;

        @Option(names = "--key", description = "the device's Ed25519 public key, 64 hex digits")
        String key;

        @Option(names = "--gateway", description = "the device cannot sign (Modbus, replay): this node's gateway signs for it")
        boolean gateway;
    }

    @Option(names = "--model", defaultValue = "", description = "make and model, for the registry")
    String model;

    @Option(names = "--timeout", defaultValue = "20", description = "seconds to wait for the HELLO and the commit (default: ${DEFAULT-VALUE})")
    int timeout;

    @Override
    public Integer call() throws Exception {
        try (NodeSession s = new NodeSession(data, System.err)) {
            DeviceEnrollment enrollment = new DeviceEnrollment(s.node, s.dir.nodeKey(), s.ingest);
            Receipt r;
            String what;
            if (source.port != null) {
                Hello h = awaitHello(s, source.port);
                what = "sensor node " + h.deviceId() + " (" + h.model() + " " + h.firmware() + ", key " + Hex.of(h.publicKey()) + ")";
                r = (model.isEmpty() ? enrollment.enroll(h, station)
                        : enrollment.enroll(h.deviceId(), station, h.publicKey(), model)).get(timeout, TimeUnit.SECONDS);
            } else if (source.explicit.gateway) {
                if (source.explicit.key != null) {
                    throw new DevicesCli.UserError("--gateway and --key exclude each other: a gateway-signed device's key is derived by this node");
                }
                what = "gateway-signed device " + source.explicit.device;
                r = enrollment.enrollGatewaySigned(source.explicit.device, station, s.dir.nodeKey(), model).get(timeout, TimeUnit.SECONDS);
            } else {
                if (source.explicit.key == null) {
                    throw new DevicesCli.UserError("give the device's --key, or --gateway, or enroll from its --port");
                }
                byte[] key = parseKey(source.explicit.key);
                what = "device " + source.explicit.device + " (key " + Hex.of(key) + ")";
                r = enrollment.enroll(source.explicit.device, station, key, model).get(timeout, TimeUnit.SECONDS);
            }
            if (!r.valid()) {
                System.err.println("refused by the ledger: " + r.reason());
                return 1;
            }
            System.out.printf("enrolled %s at station %s: value chain block %d, entry %s%n", what, station, r.height(), r.entryIdHex());
            return 0;
        }
    }

    private Hello awaitHello(NodeSession s, String port) throws InterruptedException {
        try (SensorNodeDriver d = new SensorNodeDriver(port, PortSettings.FIRMWARE, s.ingest, System::currentTimeMillis).start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
            while (System.nanoTime() < deadline) {
                Hello h = d.status().lastHello();
                if (h != null) {
                    return h;
                }
                Thread.sleep(100);
            }
            SensorNodeDriver.Status st = d.status();
            throw new DevicesCli.UserError("no HELLO from a sensor node on " + port + " within " + timeout + " s (link "
                    + st.link().state() + (st.link().lastError() == null ? "" : ": " + st.link().lastError()) + ")");
        }
    }

    static byte[] parseKey(String hex) {
        byte[] key;
        try {
            key = Hex.parse(hex.trim());
        } catch (IllegalArgumentException e) {
            throw new DevicesCli.UserError("--key is not hex: " + e.getMessage());
        }
        if (key.length != 32) {
            throw new DevicesCli.UserError("--key must be 32 bytes (64 hex digits), got " + key.length + " bytes");
        }
        return key;
    }
}
