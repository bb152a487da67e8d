package org.ovnl2gw.operator.l2gateway;

import java.util.Objects;
import java.util.Optional;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;
import org.ovnl2gw.operator.events.EventRecorder;

/**
 * Says what changed: a Kubernetes Event when Ready changes (status or reason), when a gateway node is first
 * chosen, and when the port moves to another node (also counted as a failover); and the per-state gauge.
 */
public final class GatewayAnnouncer {
    private final EventRecorder recorder;
    private final L2GatewayMetrics metrics;
    private final GatewayStateGauge gauge;

    public GatewayAnnouncer(EventRecorder recorder, L2GatewayMetrics metrics) {
        this.recorder = recorder;
        this.metrics = metrics;
        this.gauge = new GatewayStateGauge(metrics);
    }

    void announce(L2Gateway gateway, L2GatewayStatus old, L2GatewayStatus next, GatewayOutcome outcome) {
        Optional<Condition> before = Conditions.find(old.conditions(), ConditionTypes.READY);
        Condition after = Conditions.find(next.conditions(), ConditionTypes.READY).orElseThrow();
        if (outcome.failover().isPresent()) {
            GatewayOutcome.Failover f = outcome.failover().get();
            recorder.record(gateway, EventRecorder.WARNING, "GatewayMoved",
                    "moved from node " + f.fromNode() + " to " + f.toNode() + ": " + f.why());
            metrics.failover(gateway.getMetadata().getName(), f.fromNode(), f.toNode());
        } else if (next.gatewayNode() != null && !Objects.equals(old.gatewayNode(), next.gatewayNode())) {
            recorder.record(gateway, EventRecorder.NORMAL, "GatewayNodeChosen", "gateway node " + next.gatewayNode());
        }
        boolean changed = before.map(b -> !b.status().equals(after.status()) || !b.reason().equals(after.reason()))
                .orElse(true);
        if (changed) {
            recorder.recordLatestState(gateway, after.isTrue() ? EventRecorder.NORMAL : EventRecorder.WARNING, after.reason(),
                    after.message());
        }
        gauge.update(gateway.getMetadata().getName(), next);
    }

    void forget(String name) {
        gauge.forget(name);
    }
}
