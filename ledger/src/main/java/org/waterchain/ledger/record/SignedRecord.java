package org.waterchain.ledger.record;

import org.waterchain.ledger.crypto.SigningDomain;

/** A record body as the device signed it, with the signer's public key. */
public record SignedRecord(byte[] body, byte[] signature, byte[] signerKey) {
    public SignedRecord {
        body = body.clone();
        signature = signature.clone();
        signerKey = signerKey.clone();
    }

    public boolean signatureValid() {
        return SigningDomain.RECORD.verify(signerKey, body, signature);
    }

    public SensorRecord record() {
        return SensorRecord.decode(body);
    }
}
