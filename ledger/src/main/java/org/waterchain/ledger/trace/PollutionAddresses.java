package org.waterchain.ledger.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hashes;
import org.waterchain.ledger.record.Quantity;

/**
 * Contract addresses of backward pollution source tracing: where coins sit while a trace runs. No key controls
 * them (an address is the first 20 bytes of a hash; finding a public key with the same 20 bytes is a 160-bit
 * preimage search), so only the contract's rules can move their coins. Each (quantity, time point) has its own
 * addresses, which keeps concurrent traces apart.
 *
 * <p>Derivation (docs/encoding.md): first 20 bytes of SHA-256("WaterChain/contract/v1" 0x00 || label), with the
 * label in the canonical encoding: {@code text "pollution/station" | text quantitySymbol | i64 timePointMs |
 * text stationId} for a station's tracing address, {@code text "pollution/collection" | text quantitySymbol |
 * i64 timePointMs} for the collection address.
 */
public final class PollutionAddresses {
    private static final byte[] DOMAIN = "WaterChain/contract/v1\0".getBytes(StandardCharsets.US_ASCII);

    private PollutionAddresses() {}

    /** Where a station's coins of the trace of (quantity, time point) sit until it passes or collects them. */
    public static Address station(Quantity q, long timePointMs, String stationId) {
        return contract(new CanonicalWriter(64).text("pollution/station").text(q.symbol()).i64(timePointMs).text(stationId)
                .toByteArray());
    }

    /** Where the sources of the trace of (quantity, time point) send their coins; nothing ever spends them. */
    public static Address collection(Quantity q, long timePointMs) {
        return contract(new CanonicalWriter(48).text("pollution/collection").text(q.symbol()).i64(timePointMs).toByteArray());
    }

    private static Address contract(byte[] label) {
        byte[] m = Arrays.copyOf(DOMAIN, DOMAIN.length + label.length);
        System.arraycopy(label, 0, m, DOMAIN.length, label.length);
        return Address.fromHash(Arrays.copyOf(Hashes.sha256(m), Address.HASH_SIZE));
    }
}
