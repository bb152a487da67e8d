package org.ovnl2gw.agent.dataplane;

import java.util.Set;

/**
 * What BFD on our tunnels says of the peer gateway chassis: {@code down} those with evidence they are down (see
 * {@code BfdSessions}), {@code up} those whose session forwards now, {@code flaps} the sessions' flap counts. A chassis in neither set (no session, or
 * one that never came up) counts as alive: a gateway never takes over on the mere absence of evidence.
 */
public record PeerLiveness(Set<String> down, Set<String> up, java.util.Map<String, Long> flaps) {
    public static final PeerLiveness ALL_ALIVE = new PeerLiveness(Set.of(), Set.of(), java.util.Map.of());

    public PeerLiveness {
        down = Set.copyOf(down);
        up = Set.copyOf(up);
        flaps = java.util.Map.copyOf(flaps);
    }

    public PeerLiveness(Set<String> down) {
        this(down, Set.of(), java.util.Map.of());
    }

    /**
     * How many times the BFD session to the chassis changed between forwarding and not since our switch started
     * ({@code bfd_status:flap_count}): a count that grew while it was down means it was forwarding in between,
     * even if no pass of ours happened to look at that moment.
     */
    public long flaps(String chassis) {
        return flaps.getOrDefault(chassis, 0L);
    }

    public boolean alive(String chassis) {
        return !down.contains(chassis);
    }

    /** Positive evidence: its BFD session forwards. */
    public boolean seenUp(String chassis) {
        return up.contains(chassis);
    }
}
