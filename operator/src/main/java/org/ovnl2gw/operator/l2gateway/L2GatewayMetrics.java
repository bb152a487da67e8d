package org.ovnl2gw.operator.l2gateway;

import java.util.Map;

/**
 * What the L2Gateway controller reports for metrics; the operator's metrics code implements it. Calls come from
 * reconcile threads and must not block. (Reconciles and errors are counted for every controller by JOSDK's
 * metrics hook, not here.)
 */
public interface L2GatewayMetrics {
    /** Ignores everything (tests, benchmarks). */
    L2GatewayMetrics NONE = new L2GatewayMetrics() {
    };

    /** The gateway of {@code resource} moved from node {@code fromNode} to {@code toNode}. */
    default void failover(String resource, String fromNode, String toNode) {
    }

    /** How many L2Gateways are in each state ({@code ready}, {@code pending}, {@code rejected}); all keys present. */
    default void gatewaysByState(Map<String, Integer> counts) {
    }
}
