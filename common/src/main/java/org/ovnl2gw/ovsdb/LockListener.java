package org.ovnl2gw.ovsdb;

/** Lock notifications from the server (RFC 7047 §4.1.9), called on the I/O thread. */
public interface LockListener {
    /** A lock we waited for is now ours. */
    void onLocked(String lockId);

    /** Another client stole a lock we held. */
    void onStolen(String lockId);
}
