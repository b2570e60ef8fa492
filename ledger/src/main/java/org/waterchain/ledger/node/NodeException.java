package org.waterchain.ledger.node;

/** A problem a user can act on (wrong directory, node already running...); the CLI prints the message alone. */
public final class NodeException extends RuntimeException {
    public NodeException(String message) {
        super(message);
    }

    public NodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
