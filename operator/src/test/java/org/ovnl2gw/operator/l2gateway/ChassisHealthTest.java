package org.ovnl2gw.operator.l2gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.operator.ovn.ChassisInfo;

class ChassisHealthTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ChassisHealth health = new ChassisHealth(clock, Duration.ofSeconds(6));

    private static ChassisInfo beat(String name, String value) {
        return new ChassisInfo(name, name, Set.of("n"), true, Optional.of(value));
    }

    @Test
    void healthyWhileTheHeartbeatChangesOnOurClockDeadAfterTheTimeout() {
        assertTrue(health.observe(List.of(beat("a", "1"))), "a new chassis gets the benefit of the doubt");
        assertTrue(health.isHealthy("a"));
        clock.advance(Duration.ofSeconds(5));
        assertFalse(health.observe(List.of(beat("a", "2"))));
        clock.advance(Duration.ofSeconds(6));
        assertFalse(health.observe(List.of(beat("a", "2"))));
        assertTrue(health.isHealthy("a"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(health.observe(List.of(beat("a", "2"))), "unchanged for more than 6 s");
        assertFalse(health.isHealthy("a"));
        assertTrue(health.whyUnhealthy("a").contains("has not changed"), health.whyUnhealthy("a"));
        assertTrue(health.observe(List.of(beat("a", "3"))), "a beat brings it back");
        assertTrue(health.isHealthy("a"));
    }

    @Test
    void aChassisNeverSeenIsNotRegisteredYetOneThatWasIsGone() {
        health.observe(List.of(beat("a", "1")));
        assertTrue(health.whyUnhealthy("b").contains("not registered"), health.whyUnhealthy("b"));
        health.observe(List.of());
        assertTrue(health.whyUnhealthy("a").contains("is gone"), health.whyUnhealthy("a"));
    }

    @Test
    void aChassisRegisteredSinceTheLastObservationIsGivenTheBenefitOfTheDoubtOneGoneIsNot() {
        health.observe(List.of(beat("a", "1")));
        assertFalse(health.isHealthy("b"), "not observed yet");
        assertTrue(health.isHealthyOrNew("b"), "read from the Southbound DB before the monitor observed it");
        health.observe(List.of());
        assertFalse(health.isHealthyOrNew("a"), "gone");
        clock.advance(Duration.ofSeconds(7));
        health.observe(List.of(beat("b", "1")));
        clock.advance(Duration.ofSeconds(7));
        health.observe(List.of(beat("b", "1")));
        assertFalse(health.isHealthyOrNew("b"), "observed, and its heartbeat stopped");
    }

    @Test
    void aChassisThatDisappearsIsDeadAtOnceAndGraceRestartsAfterReconnect() {
        health.observe(List.of(beat("a", "1"), beat("b", "1")));
        assertTrue(health.observe(List.of(beat("b", "1"))));
        assertFalse(health.isHealthy("a"));
        assertTrue(health.whyUnhealthy("a").contains("gone"));
        clock.advance(Duration.ofSeconds(10));
        health.restartGracePeriod();
        health.observe(List.of(beat("b", "1")));
        assertTrue(health.isHealthy("b"));
    }
}
