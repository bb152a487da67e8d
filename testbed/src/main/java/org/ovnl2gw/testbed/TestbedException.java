package org.ovnl2gw.testbed;

/** A testbed process or command failed; the message says which and why. */
public final class TestbedException extends RuntimeException {
    public TestbedException(String message) {
        super(message);
    }

    public TestbedException(String message, Throwable cause) {
        super(message, cause);
    }
}
