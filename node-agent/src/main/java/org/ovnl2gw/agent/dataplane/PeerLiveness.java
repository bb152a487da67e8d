package org.ovnl2gw.agent.dataplane;

import java.util.Set;

/**
 * What BFD on our tunnels says of the peer gateway chassis: {@code down} those with evidence they are down (see
 * {@code BfdSessions}), {@code up} those whose session forwards now. A chassis in neither set (no session, or
 * one that never came up) counts as alive: a gateway never takes over on the mere absence of evidence.
 * {@code ovnControllers} are the chassis ovn-controller serves: no BFD runs with them, so they always count as
 * alive here (the operator judges them, by our companion agent's heartbeat, and renames the port away).
 */
public record PeerLiveness(Set<String> down, Set<String> up, Set<String> ovnControllers) {
    public static final PeerLiveness ALL_ALIVE = new PeerLiveness(Set.of(), Set.of());

    public PeerLiveness {
        down = Set.copyOf(down);
        up = Set.copyOf(up);
        ovnControllers = Set.copyOf(ovnControllers);
    }

    public PeerLiveness(Set<String> down, Set<String> up) {
        this(down, up, Set.of());
    }

    public PeerLiveness(Set<String> down) {
        this(down, Set.of());
    }

    /** The same BFD evidence, knowing which chassis are ovn-controller's. */
    public PeerLiveness withOvnControllers(Set<String> chassis) {
        return new PeerLiveness(down, up, chassis);
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
