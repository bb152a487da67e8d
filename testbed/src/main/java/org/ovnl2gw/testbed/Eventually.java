package org.ovnl2gw.testbed;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one polling helper of the tests: waits until something converges, failing with what was awaited (and the
 * last value seen) once a deadline passes. Convergence is what is asserted, never speed: the deadline only stops
 * a broken test from hanging, so it is generous unless a test says otherwise.
 */
public final class Eventually {
    /** The deadline when a test names none. */
    public static final Duration CONVERGENCE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 100;

    private Eventually() {
    }

    /** Waits until {@code condition} holds, up to {@link #CONVERGENCE}. */
    public static void eventually(String what, BooleanSupplier condition) {
        eventually(CONVERGENCE, () -> what, condition);
    }

    /** Waits until {@code condition} holds, up to {@code deadline}. */
    public static void eventually(Duration deadline, String what, BooleanSupplier condition) {
        eventually(deadline, () -> what, condition);
    }

    /** As above, {@code what} computed when it fails (so it can say what it saw last). */
    public static void eventually(Duration deadline, Supplier<String> what, BooleanSupplier condition) {
        await(deadline, what, condition::getAsBoolean, ok -> ok);
    }

    /** Waits until {@code probe} returns a value {@code accept} likes, up to {@link #CONVERGENCE}; returns it. */
    public static <T> T await(String what, Supplier<T> probe, Predicate<T> accept) {
        return await(CONVERGENCE, () -> what, probe, accept);
    }

    /**
     * Waits until {@code probe} returns a value {@code accept} likes, up to {@code deadline}; returns it. A probe
     * that throws is retried; the last exception becomes the failure's cause.
     */
    public static <T> T await(Duration deadline, Supplier<String> what, Supplier<T> probe, Predicate<T> accept) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (accept.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > end) {
                break;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what.get(), e);
            }
        }
        AssertionError failure = new AssertionError("timed out after " + deadline.toSeconds() + " s waiting until "
                + what.get() + (last instanceof Boolean ? "" : "; last seen: " + last));
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }
}
