package org.ovnl2gw.operator.l2gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ovnl2gw.operator.ovn.ChassisInfo;

/**
 * Judges chassis liveness from the heartbeat counter the agents advance, on the operator's own clock (no
 * cross-node clock comparison): healthy while the counter changed within the failover timeout. A chassis seen
 * for the first time (or after our Southbound connection came back) gets the benefit of the doubt for one
 * timeout; a chassis row that disappears is dead at once. Pure: fed by {@link #observe}, which says whether the
 * set of healthy chassis changed.
 */
public final class ChassisHealth {
    private record Seen(String heartbeat, Instant changedAt) {
    }

    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Seen> seen = new HashMap<>();
    /** Every chassis name ever observed, so that one not registered yet is not reported as gone. */
    private final Set<String> everSeen = new HashSet<>();
    private Set<String> healthy = Set.of();

    public ChassisHealth(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Records the chassis as they are now; true when the healthy set changed since the last call. */
    public synchronized boolean observe(Collection<ChassisInfo> chassis) {
        Instant now = clock.instant();
        Map<String, Seen> next = new HashMap<>();
        for (ChassisInfo c : chassis) {
            String beat = c.heartbeat().orElse("");
            Seen previous = seen.get(c.name());
            next.put(c.name(), previous != null && previous.heartbeat().equals(beat) ? previous : new Seen(beat, now));
            everSeen.add(c.name());
        }
        seen.clear();
        seen.putAll(next);
        Set<String> nowHealthy = new TreeSet<>();
        seen.forEach((name, s) -> {
            if (Duration.between(s.changedAt(), now).compareTo(timeout) <= 0) {
                nowHealthy.add(name);
            }
        });
        boolean changed = !nowHealthy.equals(healthy);
        healthy = Set.copyOf(nowHealthy);
        return changed;
    }

    /** Forget when heartbeats last changed: after losing the Southbound DB we saw no beats, through no fault of theirs. */
    public synchronized void restartGracePeriod() {
        Instant now = clock.instant();
        seen.replaceAll((name, s) -> new Seen(s.heartbeat(), now));
    }

    public synchronized boolean isHealthy(String chassis) {
        return healthy.contains(chassis);
    }

    /**
     * As {@link #isHealthy}, and true for a chassis never observed: for a chassis the caller has just read from the
     * Southbound DB, one registered since the monitor's last observation (up to a second ago), which gets the same
     * benefit of the doubt its first observation will give it. Without it, a gateway applied as its node registers
     * would be reported as having no healthy node for that moment.
     */
    public synchronized boolean isHealthyOrNew(String chassis) {
        return healthy.contains(chassis) || !seen.containsKey(chassis) && !everSeen.contains(chassis);
    }

    /** Why a chassis is not healthy, for condition messages and events. */
    public synchronized String whyUnhealthy(String chassis) {
        Optional<Seen> s = Optional.ofNullable(seen.get(chassis));
        if (s.isEmpty()) {
            return everSeen.contains(chassis) ? "chassis " + chassis + " is gone from the Southbound DB"
                    : "chassis " + chassis + " is not registered in the Southbound DB (yet)";
        }
        long secs = Duration.between(s.get().changedAt(), clock.instant()).toSeconds();
        return "chassis " + chassis + " heartbeat has not changed for " + secs + "s (timeout " + timeout.toSeconds() + "s)";
    }
}
