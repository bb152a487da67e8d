package org.ovnl2gw.sandbox;

/** The sandbox cannot start; the message says what is missing or wrong and what to do. */
final class SandboxException extends RuntimeException {
    SandboxException(String message) {
        super(message);
    }
}
