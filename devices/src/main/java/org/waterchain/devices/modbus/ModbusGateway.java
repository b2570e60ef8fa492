package org.waterchain.devices.modbus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.ingest.SigningSink;
import org.waterchain.ledger.crypto.KeyPair;

/**
 * Transmitters to the ledger: polls them and hands each sample, signed by the node's gateway, to the ingest,
 * one source per bus (so the counters say which wire has trouble), each device watched for silence at its
 * poll interval.
 */
public final class ModbusGateway {
    private ModbusGateway() {}

    public static ModbusPoller start(List<ModbusDevice> devices, RecordIngest ingest, KeyPair gateway) {
        Map<String, SigningSink> sinkOfDevice = new HashMap<>();
        Map<String, SigningSink> sinkOfPort = new HashMap<>();
        for (ModbusDevice d : devices) {
            String source = source(d.port());
            sinkOfDevice.put(d.deviceId(), sinkOfPort.computeIfAbsent(d.port(), p -> SigningSink.gateway(ingest, source, gateway)));
            ingest.expect(d.deviceId(), source, d.pollInterval().toMillis());
        }
        return ModbusPoller.start(devices, sample -> sinkOfDevice.get(sample.deviceId()).accept(sample));
    }

    /** The ingest's source name for a bus. */
    public static String source(String port) {
        return "modbus:" + port;
    }
}
