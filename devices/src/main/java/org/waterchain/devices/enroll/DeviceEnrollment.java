package org.waterchain.devices.enroll;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import org.waterchain.devices.ingest.DeviceDirectory;
import org.waterchain.devices.ingest.RecordIngest;
import org.waterchain.devices.signing.GatewayKeys;
import org.waterchain.devices.wire.WireMessage.Hello;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Enrollment on the value chain: a member allowed to manage the station (its operator or a regulator) binds
 * a device id to the station and the device's public key. A replaced device has a new key and is simply
 * registered again, which ends the old key's right to sign. The registry's rules decide; a refused enrollment
 * comes back as an invalid receipt with the reason.
 */
public final class DeviceEnrollment {
    private static final SecureRandom NONCES = new SecureRandom();

    private final LedgerNode node;
    private final KeyPair member;
    private final RecordIngest ingest;

    /** @param ingest told to re-read the registry as soon as an enrollment is committed; may be null */
    public DeviceEnrollment(LedgerNode node, KeyPair member, RecordIngest ingest) {
        this.node = node;
        this.member = member;
        this.ingest = ingest;
    }

    /** A self-signing device (the project's sensor node), with the key its HELLO announced. */
    public CompletableFuture<Receipt> enroll(Hello hello, String stationId) {
        return submit(new RegisterDevice(hello.deviceId(), stationId, hello.publicKey(), false,
                hello.model() + " " + hello.firmware()));
    }

    public CompletableFuture<Receipt> enroll(String deviceId, String stationId, byte[] publicKey, String model) {
        return submit(new RegisterDevice(deviceId, stationId, publicKey, false, model));
    }

    /** A device that cannot sign (a Modbus transmitter, a replayed series): this node's gateway signs for it. */
    public CompletableFuture<Receipt> enrollGatewaySigned(String deviceId, String stationId, KeyPair gateway, String model) {
        return submit(new RegisterDevice(deviceId, stationId, GatewayKeys.deviceKey(gateway, deviceId).publicKey(), true, model));
    }

    /**
     * Makes sure this node's gateway may sign for {@code deviceId} at {@code stationId}: nothing to do when it
     * is enrolled so already; otherwise enrolls it and waits for the commit. Refuses to move a device that is
     * registered at another station.
     *
     * @return true when it enrolled the device now
     */
    public boolean ensureGatewaySigned(String deviceId, String stationId, KeyPair gateway, String model) throws Exception {
        DeviceDirectory dir = ingest != null ? ingest.directory() : DeviceDirectory.load(node.queries());
        RegisterDevice existing = dir.device(deviceId).orElse(null);
        if (existing != null && !dir.isRetired(deviceId) && existing.gateway() && existing.stationId().equals(stationId)
                && Arrays.equals(existing.publicKey(), GatewayKeys.deviceKey(gateway, deviceId).publicKey())) {
            return false;
        }
        if (existing != null && !existing.stationId().equals(stationId)) {
            throw new IllegalArgumentException(deviceId + " is registered at station " + existing.stationId() + ", not "
                    + stationId + "; choose another device id");
        }
        Receipt r = enrollGatewaySigned(deviceId, stationId, gateway, model).get(30, TimeUnit.SECONDS);
        if (!r.valid()) {
            throw new IllegalArgumentException("enrolling " + deviceId + " was refused: " + r.reason());
        }
        return true;
    }

    public CompletableFuture<Receipt> retire(String deviceId) {
        return submit(new RetireDevice(deviceId));
    }

    private CompletableFuture<Receipt> submit(RegistryAction action) {
        return node.submit(ValueEntry.signed(action, NONCES.nextLong(), member)).thenApply(r -> {
            if (r.valid() && ingest != null) {
                ingest.reloadDirectory();
            }
            return r;
        });
    }
}
