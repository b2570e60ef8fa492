package org.waterchain.ledger.consensus;

/** The replica stopped applying blocks (fail-stop after a storage error or a bug); restart it once fixed. */
public final class LedgerHalted extends IllegalStateException {
    public LedgerHalted(String message, Throwable cause) {
        super(message, cause);
    }
}
