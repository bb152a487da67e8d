package org.ovnl2gw.operator.ovn;

/** OVN could not be read or written (not connected, transaction refused, no answer in time). Retry later. */
public class OvnUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OvnUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public OvnUnavailableException(String message) {
        super(message);
    }
}
