package org.ovnl2gw.operator.l2gateway;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;

/**
 * Says what changed: a Kubernetes Event when Ready changes (status or reason), when a gateway node is first
 * chosen, and when the port moves to another node (also counted as a failover); and the per-state gauge.
 */
final class GatewayAnnouncer implements AutoCloseable {
    private final KubernetesEventRecorder recorder;
    private final L2GatewayEvents events;
    private final Map<String, String> states = new ConcurrentHashMap<>();

    GatewayAnnouncer(KubernetesEventRecorder recorder, L2GatewayEvents events) {
        this.recorder = recorder;
        this.events = events;
    }

    void announce(L2Gateway gateway, L2GatewayStatus old, L2GatewayStatus next, GatewayOutcome outcome) {
        Optional<Condition> before = Conditions.find(old.conditions(), ConditionTypes.READY);
        Condition after = Conditions.find(next.conditions(), ConditionTypes.READY).orElseThrow();
        if (outcome.failover().isPresent()) {
            GatewayOutcome.Failover f = outcome.failover().get();
            recorder.record(gateway, EventRecorder.WARNING, "GatewayMoved",
                    "moved from node " + f.fromNode() + " to " + f.toNode() + ": " + f.why());
            events.failover(gateway.getMetadata().getName(), f.fromNode(), f.toNode());
        } else if (next.gatewayNode() != null && !Objects.equals(old.gatewayNode(), next.gatewayNode())) {
            recorder.record(gateway, EventRecorder.NORMAL, "GatewayNodeChosen", "gateway node " + next.gatewayNode());
        }
        boolean changed = before.map(b -> !b.status().equals(after.status()) || !b.reason().equals(after.reason()))
                .orElse(true);
        if (changed) {
            recorder.recordLatestState(gateway, after.isTrue() ? EventRecorder.NORMAL : EventRecorder.WARNING, after.reason(),
                    after.message());
        }
        String state = L2GatewayStatusCalculator.state(next);
        if (!state.equals(states.put(gateway.getMetadata().getName(), state))) {
            report();
        }
    }

    void forget(String name) {
        if (states.remove(name) != null) {
            report();
        }
    }

    private void report() {
        Map<String, Integer> counts = L2GatewayStatusCalculator.emptyCounts();
        states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        events.gatewaysByState(counts);
    }

    @Override
    public void close() {
        recorder.close();
    }
}
