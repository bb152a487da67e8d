package org.ovnl2gw.agent.dataplane;

import java.util.Set;

/**
 * What BFD on our tunnels says of the peer gateway chassis: {@code down} those with evidence they are down (see
 * {@code BfdSessions}), {@code up} those whose session forwards now. A chassis in neither set (no session, or
 * one that never came up) counts as alive: a gateway never takes over on the mere absence of evidence.
 */
public record PeerLiveness(Set<String> down, Set<String> up) {
    public static final PeerLiveness ALL_ALIVE = new PeerLiveness(Set.of(), Set.of());

    public PeerLiveness {
        down = Set.copyOf(down);
        up = Set.copyOf(up);
    }

    public PeerLiveness(Set<String> down) {
        this(down, Set.of());
    }

    public boolean alive(String chassis) {
        return !down.contains(chassis);
    }

    /** Positive evidence: its BFD session forwards. */
    public boolean seenUp(String chassis) {
        return up.contains(chassis);
    }
}
