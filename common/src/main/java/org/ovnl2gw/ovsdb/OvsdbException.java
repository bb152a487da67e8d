package org.ovnl2gw.ovsdb;

/** Base of every failure this package reports through a CompletableFuture or a throw. */
public class OvsdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OvsdbException(String message) {
        super(message);
    }

    public OvsdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
