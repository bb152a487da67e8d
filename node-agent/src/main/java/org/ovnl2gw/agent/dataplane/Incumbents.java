package org.ovnl2gw.agent.dataplane;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per port, the other chassis holding it and whether its BFD session was seen forwarding since it does: seen
 * by a pass, or told by the session's flap count having grown since (a forwarding spell between two passes).
 * A standby takes over only from a holder seen alive this way (a claim is evidence of life, see
 * {@link GatewayRoles}).
 */
public final class Incumbents {
    private final Map<String, String> holder = new HashMap<>();
    private final Map<String, Long> flapsAtStart = new HashMap<>();
    private final Set<String> seenUp = new HashSet<>();

    /** Records what this pass sees of {@code port}'s holder ({@code other}: a chassis other than us); true once seen up. */
    public boolean observe(String port, Optional<String> other, PeerLiveness liveness) {
        if (other.isEmpty()) {
            holder.remove(port);
            flapsAtStart.remove(port);
            seenUp.remove(port);
            return false;
        }
        String peer = other.get();
        if (!peer.equals(holder.put(port, peer))) {
            seenUp.remove(port);
            flapsAtStart.put(port, liveness.flaps(peer));
        }
        if (liveness.seenUp(peer) || liveness.flaps(peer) > flapsAtStart.getOrDefault(port, 0L)) {
            seenUp.add(port);
        }
        return seenUp.contains(port);
    }
}
