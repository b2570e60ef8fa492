package org.waterchain.devices.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.waterchain.ledger.crypto.Hashes;
import org.waterchain.ledger.crypto.KeyPair;

/**
 * Keys with which a node's gateway signs for devices that cannot sign (Modbus transmitters, replayed series).
 * Each device gets its own key derived from the gateway's secret, so each has its own sequence numbers on the
 * ledger and one device's key can be replaced (registered again) without touching the others. Registered with
 * the gateway flag, and every record they sign carries {@code GATEWAY_SIGNED}.
 */
public final class GatewayKeys {
    private static final byte[] DOMAIN = "WaterChain/gateway-device/v1\0".getBytes(StandardCharsets.US_ASCII);

    private GatewayKeys() {}

    public static KeyPair deviceKey(KeyPair gateway, String deviceId) {
        byte[] secret = gateway.exportSecret();
        byte[] id = deviceId.getBytes(StandardCharsets.UTF_8);
        byte[] m = new byte[DOMAIN.length + secret.length + id.length];
        System.arraycopy(DOMAIN, 0, m, 0, DOMAIN.length);
        System.arraycopy(secret, 0, m, DOMAIN.length, secret.length);
        System.arraycopy(id, 0, m, DOMAIN.length + secret.length, id.length);
        try {
            return KeyPair.fromSecret(Hashes.sha256(m));
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(m, (byte) 0);
        }
    }
}
