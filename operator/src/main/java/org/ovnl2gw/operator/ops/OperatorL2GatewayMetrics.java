package org.ovnl2gw.operator.ops;

import java.util.HashMap;
import java.util.Map;
import org.ovnl2gw.operator.l2gateway.L2GatewayMetrics;

/**
 * The L2Gateway controller's metrics, recorded in {@link OperatorMetrics}. Reconciles and errors are
 * deliberately not counted here: {@link ReconcileMetrics} already counts them for every controller, and counting
 * twice would double the figures.
 */
public final class OperatorL2GatewayMetrics implements L2GatewayMetrics {
    private final OperatorMetrics metrics;

    public OperatorL2GatewayMetrics(OperatorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void failover(String resource, String fromNode, String toNode) {
        metrics.failover();
    }

    @Override
    public void gatewaysByState(Map<String, Integer> counts) {
        Map<String, Long> asLongs = new HashMap<>();
        counts.forEach((state, count) -> asLongs.put(state, count.longValue()));
        metrics.gatewaysByState(asLongs);
    }
}
