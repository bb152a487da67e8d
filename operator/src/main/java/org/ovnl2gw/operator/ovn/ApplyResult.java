package org.ovnl2gw.operator.ovn;

/** What a domain client did to make OVN match the desired state. */
public enum ApplyResult {
    NOOP, CREATED, UPDATED, DELETED;

    public boolean changed() {
        return this != NOOP;
    }
}
