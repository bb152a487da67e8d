package org.ovnl2gw.ovsdb;

/** The server sent something that does not follow RFC 7047 or the schema. */
public class OvsdbProtocolException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    public OvsdbProtocolException(String message) {
        super(message);
    }
}
