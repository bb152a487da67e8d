package org.ovnl2gw.ovsdb;

/** The connection is down (closed, or a session between reconnects); the caller may retry later. */
public class OvsdbNotConnectedException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    public OvsdbNotConnectedException(String message) {
        super(message);
    }
}
