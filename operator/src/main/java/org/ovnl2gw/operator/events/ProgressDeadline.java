package org.ovnl2gw.operator.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each resource has been on its way to Ready (in a reason every new resource passes through: OVN making
 * its binding, the agents reporting it), so that the wait is a Normal Event until it lasts the deadline and then
 * gets one Warning of its own. Alerting on Warning Events then sees a resource stuck, not every resource created.
 */
public final class ProgressDeadline {
    private final Clock clock;
    private final Duration deadline;
    /** Per waiting resource: since when, and whether its Warning is out. */
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();

    private record Wait(Instant since, boolean warned) {
    }

    public ProgressDeadline(Clock clock, Duration deadline) {
        this.clock = clock;
        this.deadline = deadline;
    }

    /**
     * Records that {@code name} is waiting (since its first call after the last {@link #done}); how long it has
     * waited exactly once, on the first call at or past the deadline, for the Warning; empty otherwise.
     */
    public Optional<Duration> overdue(String name) {
        Instant now = clock.instant();
        Wait wait = waits.computeIfAbsent(name, n -> new Wait(now, false));
        Duration waited = Duration.between(wait.since(), now);
        if (wait.warned() || waited.compareTo(deadline) < 0) {
            return Optional.empty();
        }
        waits.put(name, new Wait(wait.since(), true));
        return Optional.of(waited);
    }

    /** The overdue Warning's message, for a wait of {@code waited} in a state that {@code message} describes. */
    public static String overdueMessage(Duration waited, String message) {
        return "not Ready after " + waited.toSeconds() + " s: " + message;
    }

    /** How long until {@code name} is overdue, to look again then; empty when it is not waiting or was warned. */
    public Optional<Duration> untilOverdue(String name) {
        Wait wait = waits.get(name);
        if (wait == null || wait.warned()) {
            return Optional.empty();
        }
        Duration left = deadline.minus(Duration.between(wait.since(), clock.instant()));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** Forgets every wait but those of {@code names} (the resources that still exist). */
    public void retainOnly(Set<String> names) {
        waits.keySet().retainAll(names);
    }

    /** {@code name} is no longer waiting (Ready, a problem that is a Warning of its own, or deleted). */
    public void done(String name) {
        waits.remove(name);
    }
}
