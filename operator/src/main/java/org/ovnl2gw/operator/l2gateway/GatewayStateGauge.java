package org.ovnl2gw.operator.l2gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;

/** The per-state gauge: how many L2Gateways are ready, pending or rejected, reported when a count changes. */
final class GatewayStateGauge {
    static final String READY = "ready";
    static final String PENDING = "pending";
    static final String REJECTED = "rejected";

    private final L2GatewayMetrics metrics;
    private final Map<String, String> states = new ConcurrentHashMap<>();

    GatewayStateGauge(L2GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    /** The state of a status: ready, rejected (not accepted) or pending. */
    static String state(L2GatewayStatus status) {
        if (status == null) {
            return PENDING;
        }
        if (Conditions.isTrue(status.conditions(), ConditionTypes.READY)) {
            return READY;
        }
        return Conditions.find(status.conditions(), ConditionTypes.ACCEPTED).filter(c -> !c.isTrue()).isPresent()
                ? REJECTED : PENDING;
    }

    void update(String name, L2GatewayStatus status) {
        String state = state(status);
        if (!state.equals(states.put(name, state))) {
            report();
        }
    }

    void forget(String name) {
        if (states.remove(name) != null) {
            report();
        }
    }

    private void report() {
        Map<String, Integer> counts = new TreeMap<>(Map.of(READY, 0, PENDING, 0, REJECTED, 0));
        states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        metrics.gatewaysByState(counts);
    }
}
