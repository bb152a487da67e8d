package org.ovnl2gw.operator.l2gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;
import org.ovnl2gw.operator.events.EventRecorder;

class GatewayAnnouncerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(T0);
    private final List<String> events = new ArrayList<>();
    private final GatewayAnnouncer announcer = new GatewayAnnouncer(new ListRecorder(), L2GatewayMetrics.NONE,
            clock, DEADLINE);
    private final L2Gateway gateway = new L2Gateway("g", new L2GatewaySpec("ls", "physnet1", 100, null));
    private L2GatewayStatus last = L2GatewayStatus.EMPTY;

    @Test
    void aNewGatewayOnItsWayToReadyRecordsOnlyNormalEvents() {
        step(waitingForPortBinding());
        step(waitingForClaim());
        step(claimed());

        assertEquals(List.of("Normal WaitingForPortBinding", "Normal WaitingForClaim", "Normal GatewayNodeChosen",
                "Normal Ready"), events);
    }

    @Test
    void aWaitThatLastsPastTheDeadlineGetsOneWarningAndTheNextWaitStartsAfresh() {
        step(waitingForPortBinding());
        clock.advance(Duration.ofSeconds(20));
        step(waitingForClaim()); // the wait spans both reasons: 20 s of it gone
        assertEquals(Optional.of(Duration.ofSeconds(10)), announcer.untilOverdue("g"));
        clock.advance(Duration.ofSeconds(9));
        step(waitingForClaim());
        assertEquals(List.of("Normal WaitingForPortBinding", "Normal WaitingForClaim"), events);

        clock.advance(Duration.ofSeconds(1));
        step(waitingForClaim());
        clock.advance(Duration.ofSeconds(60));
        step(waitingForClaim());
        assertEquals("Warning WaitingForClaim not Ready after 30 s: waiting for the agent", events.get(2));
        assertEquals(3, events.size(), "one Warning per wait: " + events);
        assertEquals(Optional.empty(), announcer.untilOverdue("g"));

        step(claimed());
        step(waitingForClaim()); // moved, say: a new wait, Normal, and its own deadline
        assertEquals(List.of("Normal GatewayNodeChosen", "Normal Ready", "Normal WaitingForClaim"),
                events.subList(3, 6));
        assertEquals(Optional.of(DEADLINE), announcer.untilOverdue("g"));
    }

    @Test
    void aProblemIsAWarningAtOnceAndEndsAWait() {
        step(waitingForPortBinding());
        step(GatewayOutcome.rejected("NoEligibleNode", "no node provides physnet1"));
        clock.advance(DEADLINE.plusSeconds(1));
        step(GatewayOutcome.rejected("NoEligibleNode", "no node provides physnet1"));

        assertEquals(List.of("Normal WaitingForPortBinding", "Warning NoEligibleNode no node provides physnet1"),
                events);
        assertEquals(Optional.empty(), announcer.untilOverdue("g"));
    }

    @Test
    void readyButDegradedIsAWarningAndRecoveringFromItNormal() {
        step(claimed());
        step(new GatewayOutcome(Verdict.ok("Accepted", "ok"), Verdict.ok("Programmed", "ok"),
                Verdict.ok("Claimed", "claimed"), "gw1", "l2gw-g", Optional.empty(), List.of("gw2"),
                Optional.of("chassis gw1 stopped its heartbeat")));
        step(claimed());

        assertEquals("Warning AgentNotReporting", events.get(2).substring(0, "Warning AgentNotReporting".length()));
        assertEquals(List.of("Normal GatewayNodeChosen", "Normal Ready", "Normal Ready"),
                List.of(events.get(0), events.get(1), events.get(3)));
    }

    @Test
    void aFailoverIsAWarningAndAHandoverTheOperatorAskedForNormal() {
        step(claimed());
        step(moved(new GatewayOutcome.Failover("gw1", "gw2", "heartbeat stopped", false)));
        step(moved(new GatewayOutcome.Failover("gw2", "gw1", "a new choice", true)));

        assertEquals(List.of("Warning GatewayMoved moved from node gw1 to gw2: heartbeat stopped",
                "Normal GatewayMoved"), events.stream().filter(e -> e.contains("GatewayMoved")).toList());
    }

    private static GatewayOutcome moved(GatewayOutcome.Failover move) {
        return new GatewayOutcome(Verdict.ok("Accepted", "ok"), Verdict.ok("Programmed", "ok"),
                Verdict.ok("Claimed", "claimed"), move.toNode(), "l2gw-g", Optional.of(move), List.of(), Optional.empty());
    }

    private void step(GatewayOutcome outcome) {
        L2GatewayStatus next = L2GatewayStatusCalculator.compute(last, 1, outcome, clock.instant());
        announcer.announce(gateway, last, next, outcome);
        last = next;
    }

    private static GatewayOutcome waitingForPortBinding() {
        Verdict waiting = Verdict.fail("WaitingForPortBinding", "waiting for ovn-northd");
        return new GatewayOutcome(Verdict.ok("Accepted", "ok"), waiting, Verdict.fail("NotProgrammed", "waiting"),
                null, "l2gw-g", Optional.empty(), List.of(), Optional.empty());
    }

    private static GatewayOutcome waitingForClaim() {
        return new GatewayOutcome(Verdict.ok("Accepted", "ok"), Verdict.ok("Programmed", "ok"),
                Verdict.fail("WaitingForClaim", "waiting for the agent"), null, "l2gw-g", Optional.empty(),
                List.of("gw2"), Optional.empty());
    }

    private static GatewayOutcome claimed() {
        return new GatewayOutcome(Verdict.ok("Accepted", "ok"), Verdict.ok("Programmed", "ok"),
                Verdict.ok("Claimed", "claimed"), "gw1", "l2gw-g", Optional.empty(), List.of("gw2"), Optional.empty());
    }

    private final class ListRecorder implements EventRecorder {
        @Override
        public void record(HasMetadata about, String type, String reason, String message) {
            events.add(type + " " + reason + (type.equals(WARNING) ? " " + message : ""));
        }

        @Override
        public void recordAboutNode(String nodeName, String type, String reason, String message) {
            events.add("node " + nodeName + " " + type + " " + reason);
        }
    }
}
