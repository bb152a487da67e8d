package org.ovnl2gw.operator.l2gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;

class L2GatewayStatusCalculatorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void everyConditionIsSetAndReadySummarisesTheFirstFailure() {
        GatewayOutcome waiting = new GatewayOutcome(Verdict.ok("Accepted", "ok"), Verdict.ok("Programmed", "ok"),
                Verdict.fail("WaitingForClaim", "waiting"), "gw1", "l2gw-x", Optional.empty(), List.of(), Optional.empty());
        L2GatewayStatus status = L2GatewayStatusCalculator.compute(null, 3, waiting, T0);
        assertEquals(List.of("Accepted", "Programmed", "Bound", "Ready"), status.conditions().stream().map(Condition::type).toList());
        Condition ready = status.conditions().get(3);
        assertEquals("False", ready.status());
        assertEquals("WaitingForClaim", ready.reason());
        assertEquals(3L, status.observedGeneration());
        assertEquals("pending", GatewayStateGauge.state(status));
        assertEquals("rejected", GatewayStateGauge.state(L2GatewayStatusCalculator.compute(null, 1,
                GatewayOutcome.rejected("InvalidSpec", "bad"), T0)));
    }

    @Test
    void transitionTimesAreKeptWhileStatusesHoldSoAnUnchangedStatusNeedsNoPatch() {
        GatewayOutcome ok = new GatewayOutcome(Verdict.ok("Accepted", "ok"), Verdict.ok("Programmed", "ok"),
                Verdict.ok("Claimed", "ok"), "gw1", "l2gw-x", Optional.empty(), List.of(), Optional.empty());
        L2GatewayStatus first = L2GatewayStatusCalculator.compute(null, 1, ok, T0);
        L2GatewayStatus again = L2GatewayStatusCalculator.compute(first, 1, ok, T0.plusSeconds(60));
        assertEquals(first, again);
        assertEquals("ready", GatewayStateGauge.state(again));
    }

    @Test
    void aFailedReconcileTurnsOnlyReadyFalseAndKeepsItsTimeWhileItFails() {
        GatewayOutcome ok = new GatewayOutcome(Verdict.ok("Accepted", "ok"), Verdict.ok("Programmed", "ok"),
                Verdict.ok("Claimed", "ok"), "gw1", "l2gw-x", Optional.empty(), List.of(), Optional.empty());
        L2GatewayStatus good = L2GatewayStatusCalculator.compute(null, 2, ok, T0);
        L2GatewayStatus failed = L2GatewayStatusCalculator.reconcileFailed(good, 2, "boom", T0.plusSeconds(5));
        Condition ready = failed.conditions().get(3);
        assertEquals(List.of("True", "True", "True", "False"),
                failed.conditions().stream().map(Condition::status).toList());
        assertEquals("ReconcileFailed", ready.reason());
        assertEquals("boom", ready.message());
        assertEquals(failed, L2GatewayStatusCalculator.reconcileFailed(failed, 2, "boom", T0.plusSeconds(60)));
        assertEquals("pending", GatewayStateGauge.state(failed));
    }
}
