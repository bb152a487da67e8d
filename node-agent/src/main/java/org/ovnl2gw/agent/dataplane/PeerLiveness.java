package org.ovnl2gw.agent.dataplane;

import java.util.Set;

/**
 * What BFD on our tunnels says of the peer gateway chassis: {@code down} those with evidence they are down (see
 * {@code BfdSessions}), {@code up} those whose session forwards now, {@code flaps} the sessions' flap counts. A chassis in neither set (no session, or
 * one that never came up) counts as alive: a gateway never takes over on the mere absence of evidence.
 * {@code ovnControllers} are the chassis ovn-controller serves: no BFD runs with them, so they always count as
 * alive here (the operator judges them, by our companion agent's heartbeat, and renames the port away).
 */
public record PeerLiveness(Set<String> down, Set<String> up, java.util.Map<String, Long> flaps,
                           Set<String> ovnControllers) {
    public static final PeerLiveness ALL_ALIVE = new PeerLiveness(Set.of(), Set.of(), java.util.Map.of(), Set.of());

    public PeerLiveness {
        down = Set.copyOf(down);
        up = Set.copyOf(up);
        flaps = java.util.Map.copyOf(flaps);
        ovnControllers = Set.copyOf(ovnControllers);
    }

    public PeerLiveness(Set<String> down, Set<String> up, java.util.Map<String, Long> flaps) {
        this(down, up, flaps, Set.of());
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

    /** The same BFD evidence, knowing which chassis are ovn-controller's. */
    public PeerLiveness withOvnControllers(Set<String> chassis) {
        return new PeerLiveness(down, up, flaps, chassis);
    }

    public boolean alive(String chassis) {
        return ovnControllers.contains(chassis) || !down.contains(chassis);
    }

    /** ovn-controller serves this chassis: it takes a port only when the port's option names it. */
    public boolean ovnController(String chassis) {
        return ovnControllers.contains(chassis);
    }

    /** Positive evidence: its BFD session forwards. */
    public boolean seenUp(String chassis) {
        return up.contains(chassis);
    }
}
