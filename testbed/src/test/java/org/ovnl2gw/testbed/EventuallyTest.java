package org.ovnl2gw.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsTheFirstAcceptedValueRetryingProbesThatThrow() {
        AtomicInteger calls = new AtomicInteger();
        int value = Eventually.await("three", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
            }
            return calls.get();
        }, n -> n >= 3);
        assertEquals(3, value);
    }

    @Test
    void failsAfterTheDeadlineSayingWhatAndWhatItSawLast() {
        IllegalStateException cause = new IllegalStateException("down");
        AssertionError probeError = assertThrows(AssertionError.class, () -> Eventually.await(Duration.ZERO,
                () -> "it works", () -> {
                    throw cause;
                }, x -> true));
        assertSame(cause, probeError.getCause());
        AssertionError failed = assertThrows(AssertionError.class,
                () -> Eventually.eventually(Duration.ofMillis(150), "never", () -> false));
        assertTrue(failed.getMessage().contains("waiting until never"), failed.getMessage());
    }
}
