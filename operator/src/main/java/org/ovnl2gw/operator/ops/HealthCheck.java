package org.ovnl2gw.operator.ops;

import java.util.function.BooleanSupplier;

/** One named readiness condition, e.g. "southbound connected", evaluated on each probe. */
public record HealthCheck(String name, BooleanSupplier passing) {

    public boolean passes() {
        try {
            return passing.getAsBoolean();
        } catch (RuntimeException e) {
            // a check that cannot answer is not passing; the probe must still answer
            return false;
        }
    }
}
