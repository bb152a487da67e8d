package org.ovnl2gw.ovsdb;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls for convergence with a generous deadline; never asserts on speed. */
final class Eventually {
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private Eventually() {
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never happened: " + what + " " + state.get());
            }
            OvsdbServerProcess.sleep(Duration.ofMillis(50));
        }
    }
}
