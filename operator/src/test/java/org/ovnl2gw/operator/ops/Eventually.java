package org.ovnl2gw.operator.ops;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls until a condition holds, failing with the last observed value after a generous deadline. Convergence
 * is what is asserted, never speed: the deadline only stops a broken test from hanging.
 */
public final class Eventually {
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Eventually() {
    }

    /** Waits until {@code probe} returns a value {@code accept} likes; returns it. */
    public static <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> accept) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                lastError = null;
                if (accept.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        AssertionError failure = new AssertionError("still not " + what + " after " + DEADLINE.toSeconds()
                + " s; last seen: " + last);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }
}
