package org.ovnl2gw.agent.openflow;

/** The connection closed (switch restart, socket error, inactivity) before a request completed. */
public class OpenFlowDisconnectedException extends RuntimeException {
    public OpenFlowDisconnectedException(String message) {
        super(message);
    }
}
