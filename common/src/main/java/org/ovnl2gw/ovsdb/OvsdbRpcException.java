package org.ovnl2gw.ovsdb;

/** A JSON-RPC request was answered with an error (e.g. "unknown database", "unknown method"). */
public class OvsdbRpcException extends OvsdbException {
    private static final long serialVersionUID = 1L;
    private final String method;
    private final String error;

    public OvsdbRpcException(String method, String error) {
        super(method + " failed: " + error);
        this.method = method;
        this.error = error;
    }

    public String method() {
        return method;
    }

    public String error() {
        return error;
    }
}
