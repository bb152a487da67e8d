package org.ovnl2gw.ovsdb;

/** Connection-state changes of a session, on its event thread. */
public interface ConnectionListener {
    /** Connected and the cache matches the server (the monitor's reply was applied). */
    default void onConnected(String peer) {
    }

    /**
     * As {@link #onConnected(String)}, also saying whether the server resumed from our last
     * transaction id (only the changes since were applied) or sent everything (full resync).
     */
    default void onConnected(String peer, boolean resumed) {
        onConnected(peer);
    }

    /** The connection was lost or refused; the session keeps retrying with backoff. */
    default void onDisconnected(String reason) {
    }
}
