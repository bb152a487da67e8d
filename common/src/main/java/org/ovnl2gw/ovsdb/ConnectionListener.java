package org.ovnl2gw.ovsdb;

/** Connection-state changes of a session, on its event thread. */
public interface ConnectionListener {
    /** Connected and the cache matches the server (the monitor's reply was applied). */
    default void onConnected(String peer) {
    }

    /** The connection was lost or refused; the session keeps retrying with backoff. */
    default void onDisconnected(String reason) {
    }
}
