package org.waterchain.ledger.store;

/** A storage failure, with the file and operation in the message; the node cannot go on after one. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
