package org.ovnl2gw.operator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaderStateTest {

    @Test
    void leaderOnlyWorkRunsOnceWhenTheLeaseIsWon() {
        AtomicInteger runs = new AtomicInteger();
        LeaderState state = new LeaderState("me", () -> { });
        state.whenLeading(runs::incrementAndGet);
        assertEquals(0, runs.get());
        LeaderCallbacks callbacks = state.callbacks();
        callbacks.onStartLeading();
        callbacks.onStartLeading();
        assertEquals(1, runs.get());
        state.whenLeading(runs::incrementAndGet);
        assertEquals(2, runs.get(), "registered while leading: runs at once");
        assertTrue(state.leading());
    }

    @Test
    void losingTheLeaseWhileRunningCallsTheHandlerButAShutdownDoesNot() {
        AtomicInteger lost = new AtomicInteger();
        LeaderState state = new LeaderState("me", lost::incrementAndGet);
        state.callbacks().onStartLeading();
        state.callbacks().onStopLeading();
        assertEquals(1, lost.get());
        assertFalse(state.leading());

        state.callbacks().onStartLeading();
        state.stopping();
        state.callbacks().onStopLeading();
        assertEquals(1, lost.get());
    }

    @Test
    void aReleasedLeaseHasNoLeaderAndDoesNotThrow() {
        LeaderState state = new LeaderState("me", () -> { });
        state.callbacks().onNewLeader("other");
        assertEquals(Optional.of("other"), state.leader());
        state.callbacks().onNewLeader(null);
        assertEquals(Optional.empty(), state.leader());
    }
}
