package org.ovnl2gw.ovsdb;

/**
 * Told of every change to a session's cache, exactly once, on the session's event thread. After a
 * reconnect it sees only the difference between the old cache and the server's state. Implementations
 * should only enqueue work (e.g. trigger a reconcile), never block or transact synchronously.
 */
public interface CacheListener {
    default void onInsert(Row row) {
    }

    default void onUpdate(Row oldRow, Row newRow) {
    }

    default void onDelete(Row row) {
    }
}
