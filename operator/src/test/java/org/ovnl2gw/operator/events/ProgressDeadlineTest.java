package org.ovnl2gw.operator.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.operator.l2gateway.ManualClock;

class ProgressDeadlineTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ProgressDeadline waits = new ProgressDeadline(clock, Duration.ofSeconds(30));

    @Test
    void overdueOnceAtTheDeadlineThenNotAgainUntilTheWaitEndsAndStartsAgain() {
        assertEquals(Optional.empty(), waits.overdue("a"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), waits.untilOverdue("a"));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.empty(), waits.overdue("a"));
        assertEquals(Optional.of(Duration.ofSeconds(1)), waits.untilOverdue("a"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.of(Duration.ofSeconds(31)), waits.overdue("a"));
        assertEquals(Optional.empty(), waits.overdue("a"), "one Warning per wait");
        assertEquals(Optional.empty(), waits.untilOverdue("a"));
        waits.done("a");
        assertEquals(Optional.empty(), waits.untilOverdue("a"), "not waiting");
        assertEquals(Optional.empty(), waits.overdue("a"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), waits.untilOverdue("a"), "a new wait, from now");
    }

    @Test
    void onlyTheWaitsOfResourcesThatStillExistAreKept() {
        waits.overdue("a");
        waits.overdue("b");
        waits.retainOnly(Set.of("b"));
        assertEquals(Optional.empty(), waits.untilOverdue("a"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), waits.untilOverdue("b"));
    }
}
