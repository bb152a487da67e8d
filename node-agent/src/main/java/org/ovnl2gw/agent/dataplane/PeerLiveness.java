package org.ovnl2gw.agent.dataplane;

import java.util.Set;

/**
 * Which peer gateway chassis this chassis has evidence are down: their BFD session on our tunnel to them was up
 * since our switch last (re)started and is not forwarding now. Everything else counts as alive, including a
 * session that never came up: a gateway never takes over on the mere absence of evidence.
 */
public record PeerLiveness(Set<String> down) {
    public static final PeerLiveness ALL_ALIVE = new PeerLiveness(Set.of());

    public PeerLiveness {
        down = Set.copyOf(down);
    }

    public boolean alive(String chassis) {
        return !down.contains(chassis);
    }
}
