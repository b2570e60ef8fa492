package org.waterchain.ledger.value;

import org.waterchain.ledger.crypto.Address;

/** A signer's public key and signature over a value-chain entry's body. */
public record Witness(byte[] publicKey, byte[] signature) {
    public Witness {
        publicKey = publicKey.clone();
        signature = signature.clone();
    }

    public Address address() {
        return Address.of(publicKey);
    }
}
