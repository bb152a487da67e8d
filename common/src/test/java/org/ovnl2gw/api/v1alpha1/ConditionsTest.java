package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00.750Z");
    private static final Instant T1 = Instant.parse("2024-05-01T12:05:00Z");

    @Test
    void transitionTimeIsRfc3339AtSecondPrecision() {
        Condition ready = Condition.of(ConditionTypes.READY, Condition.TRUE, "Bound", "ok", 3, T0);
        assertEquals("2024-05-01T12:00:00Z", ready.lastTransitionTime());
        assertEquals(3L, ready.observedGeneration());
    }

    @Test
    void settingANewTypeAppendsIt() {
        Condition accepted = Condition.of(ConditionTypes.ACCEPTED, Condition.TRUE, "Valid", "", 1, T0);
        Condition ready = Condition.of(ConditionTypes.READY, Condition.FALSE, "NotBound", "waiting", 1, T0);
        List<Condition> conditions = Conditions.set(Conditions.set(List.of(), accepted), ready);
        assertEquals(List.of(accepted, ready), conditions);
        assertEquals(List.of(accepted), Conditions.set(null, accepted));
    }

    @Test
    void anUnchangedStatusKeepsItsTransitionTimeButTakesTheNewReasonAndMessage() {
        Condition before = Condition.of(ConditionTypes.READY, Condition.FALSE, "NoChassis", "no node", 1, T0);
        Condition after = Condition.of(ConditionTypes.READY, Condition.FALSE, "NotBound", "waiting", 2, T1);
        Condition kept = Conditions.set(List.of(before), after).get(0);
        assertEquals("2024-05-01T12:00:00Z", kept.lastTransitionTime());
        assertEquals("NotBound", kept.reason());
        assertEquals("waiting", kept.message());
        assertEquals(2L, kept.observedGeneration());
    }

    @Test
    void aChangedStatusTakesTheNewTransitionTimeInPlace() {
        Condition accepted = Condition.of(ConditionTypes.ACCEPTED, Condition.TRUE, "Valid", "", 1, T0);
        Condition before = Condition.of(ConditionTypes.READY, Condition.FALSE, "NotBound", "", 1, T0);
        Condition after = Condition.of(ConditionTypes.READY, Condition.TRUE, "Bound", "", 1, T1);
        List<Condition> conditions = Conditions.set(List.of(before, accepted), after);
        assertEquals(List.of(after, accepted), conditions);
        assertEquals("2024-05-01T12:05:00Z", conditions.get(0).lastTransitionTime());
    }

    @Test
    void findAndIsTrueLookUpByType() {
        Condition ready = Condition.of(ConditionTypes.READY, Condition.TRUE, "Bound", "", 1, T0);
        Condition bound = Condition.of(ConditionTypes.BOUND, Condition.UNKNOWN, "Pending", "", 1, T0);
        List<Condition> conditions = List.of(ready, bound);
        assertEquals(ready, Conditions.find(conditions, ConditionTypes.READY).orElseThrow());
        assertTrue(Conditions.isTrue(conditions, ConditionTypes.READY));
        assertFalse(Conditions.isTrue(conditions, ConditionTypes.BOUND));
        assertFalse(Conditions.isTrue(conditions, ConditionTypes.PROGRAMMED));
        assertFalse(Conditions.isTrue(null, ConditionTypes.READY));
    }

    @Test
    void sameExceptTimeIgnoresOnlyTheTransitionTime() {
        Condition a = Condition.of(ConditionTypes.READY, Condition.TRUE, "Bound", "m", 1, T0);
        assertTrue(a.sameExceptTime(Condition.of(ConditionTypes.READY, Condition.TRUE, "Bound", "m", 1, T1)));
        assertFalse(a.sameExceptTime(Condition.of(ConditionTypes.READY, Condition.TRUE, "Bound", "other", 1, T0)));
    }

    @Test
    void ourOwnConditionsMustFollowTheConvention() {
        assertThrows(IllegalArgumentException.class,
                () -> Condition.of(ConditionTypes.READY, "true", "Bound", "", 1, T0));
        assertThrows(IllegalArgumentException.class,
                () -> Condition.of(ConditionTypes.READY, Condition.TRUE, "not bound", "", 1, T0));
        assertThrows(IllegalArgumentException.class,
                () -> Condition.of(ConditionTypes.READY, Condition.TRUE, null, "", 1, T0));
    }

    @Test
    void everyKindOwnsAReadyCondition() {
        assertEquals(List.of("Accepted", "Programmed", "Bound", "Ready"), ConditionTypes.L2GATEWAY);
        assertEquals(List.of("Accepted", "Ready"), ConditionTypes.BRIDGE_MAPPING);
    }
}
