package org.ovnl2gw.operator.l2gateway;

import java.time.Instant;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;

/**
 * The one place an L2Gateway's status is computed: every owned condition is set on every visit (keeping its
 * transition time while its status holds), {@code Ready} summarises the first failing one (when none fails, its
 * reason says whether a standby exists and whether the gateway's agent reports), and gatewayNode, logicalPort,
 * standbyNodes and observedGeneration follow. Pure.
 */
public final class L2GatewayStatusCalculator {
    /** Ready's reason for a gateway that forwards while its node agent has stopped reporting (True, degraded). */
    static final String AGENT_NOT_REPORTING = "AgentNotReporting";

    private L2GatewayStatusCalculator() {
    }

    public static L2GatewayStatus compute(L2GatewayStatus old, long generation, GatewayOutcome outcome, Instant now) {
        L2GatewayStatus base = old == null ? L2GatewayStatus.EMPTY : old;
        Verdict ready = summary(outcome);
        return base
                .withCondition(condition(ConditionTypes.ACCEPTED, outcome.accepted(), generation, now))
                .withCondition(condition(ConditionTypes.PROGRAMMED, outcome.programmed(), generation, now))
                .withCondition(condition(ConditionTypes.BOUND, outcome.bound(), generation, now))
                .withCondition(condition(ConditionTypes.READY, ready, generation, now))
                .withGatewayNode(outcome.gatewayNode())
                .withLogicalPort(outcome.logicalPort())
                .withStandbyNodes(outcome.standbyNodes())
                .withObservedGeneration(generation);
    }

    /**
     * The status after a reconcile that failed for another reason than OVN being out of reach: Ready is false
     * with reason ReconcileFailed, the other conditions stay as last computed.
     */
    public static L2GatewayStatus reconcileFailed(L2GatewayStatus old, long generation, String message, Instant now) {
        L2GatewayStatus base = old == null ? L2GatewayStatus.EMPTY : old;
        return base.withCondition(condition(ConditionTypes.READY, Verdict.fail("ReconcileFailed", message),
                generation, now));
    }

    private static Verdict summary(GatewayOutcome outcome) {
        for (Verdict v : new Verdict[] {outcome.accepted(), outcome.programmed(), outcome.bound()}) {
            if (!v.ok()) {
                return v;
            }
        }
        if (outcome.degraded().isPresent()) {
            return Verdict.ok(AGENT_NOT_REPORTING, "bridged through node " + outcome.gatewayNode() + ", degraded: "
                    + outcome.degraded().get());
        }
        if (outcome.standbyNodes().isEmpty()) {
            return Verdict.ok("ReadyWithoutStandby", "bridged through node " + outcome.gatewayNode()
                    + "; no standby node: it is a single point of failure");
        }
        return Verdict.ok("Ready", "bridged through node " + outcome.gatewayNode() + ", standby "
                + String.join(", ", outcome.standbyNodes()));
    }

    private static Condition condition(String type, Verdict verdict, long generation, Instant now) {
        return Condition.of(type, verdict.ok() ? Condition.TRUE : Condition.FALSE, verdict.reason(), verdict.message(),
                generation, now);
    }

}
