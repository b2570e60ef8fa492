package org.waterchain.ledger.value;

import org.waterchain.ledger.crypto.Address;

/** An amount of one asset paid to an address; amounts are whole units of the asset (see {@link Asset}). */
public record Output(String asset, long amount, Address owner) {
    public Output {
        if (amount <= 0) {
            throw new IllegalArgumentException("output amount must be positive, got " + amount);
        }
    }
}
