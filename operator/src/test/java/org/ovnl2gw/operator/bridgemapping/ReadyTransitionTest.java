package org.ovnl2gw.operator.bridgemapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.BridgeMappingStatus;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;

class ReadyTransitionTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void firstVisitAndStatusChangesAreEvents() {
        BridgeMappingStatus notReady = ready("False", "NotAppliedOnAllNodes", "1 of 2");
        BridgeMappingStatus ready = ready("True", "Applied", "all 2");
        assertEquals(Optional.of(new ReadyTransition("Warning", "NotAppliedOnAllNodes", "1 of 2")),
                ReadyTransition.between(BridgeMappingStatus.EMPTY, notReady));
        assertEquals(Optional.of(new ReadyTransition("Normal", "Applied", "all 2")),
                ReadyTransition.between(notReady, ready));
    }

    @Test
    void waitingForTheAgentsIsNormalAProblemAfterItIsAWarning() {
        BridgeMappingStatus waiting = ready("False", "WaitingForAgents", "0 of 2");
        assertEquals(Optional.of(new ReadyTransition("Normal", "WaitingForAgents", "0 of 2")),
                ReadyTransition.between(BridgeMappingStatus.EMPTY, waiting));
        assertEquals("Warning", ReadyTransition.between(waiting, ready("False", "NotAppliedOnAllNodes", "1 of 2"))
                .orElseThrow().type());
    }

    @Test
    void aNewReasonWhileNotReadyIsNewsButARecountIsNot() {
        BridgeMappingStatus oneOfTwo = ready("False", "NotAppliedOnAllNodes", "1 of 2");
        assertTrue(ReadyTransition.between(oneOfTwo, ready("False", "NotAppliedOnAllNodes", "1 of 3")).isEmpty());
        assertEquals("SouthboundUnavailable",
                ReadyTransition.between(oneOfTwo, ready("Unknown", "SouthboundUnavailable", "")).orElseThrow().reason());
        assertTrue(ReadyTransition.between(ready("True", "Applied", "all 2"), ready("True", "Applied", "all 3"))
                .isEmpty());
    }

    private static BridgeMappingStatus ready(String status, String reason, String message) {
        return BridgeMappingStatus.EMPTY.withCondition(
                Condition.of(ConditionTypes.READY, status, reason, message, 1, NOW));
    }
}
