package org.ovnl2gw.operator.ops;

import java.util.List;

/**
 * Whether this replica may take traffic and count as available: every check passes. For the operator that is
 * Northbound and Southbound sessions connected and the operator started, as leader or as standby (a standby is
 * ready: it is healthy and waiting for the Lease, and a rollout must be able to proceed past it).
 */
public final class Readiness {
    private final List<HealthCheck> checks;

    public Readiness(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public boolean ready() {
        return checks.stream().allMatch(HealthCheck::passes);
    }

    /** One line per check ("ok name" or "failed name"), for humans reading the probe's body. */
    public String report() {
        StringBuilder out = new StringBuilder();
        for (HealthCheck check : checks) {
            out.append(check.passes() ? "ok " : "failed ").append(check.name()).append('\n');
        }
        return out.toString();
    }
}
