package org.waterchain.ledger.codec;

/** Bytes that are not a canonical encoding; the message names the field. */
public final class DecodeException extends RuntimeException {
    public DecodeException(String message) {
        super(message);
    }
}
