package org.ovnl2gw.operator.l2gateway;

import java.util.Map;

/**
 * What the L2Gateway reconciler reports for metrics; the operator's metrics code implements it. Calls come from
 * reconcile threads and must not block.
 */
public interface L2GatewayEvents {
    /** Ignores everything (tests, benchmarks). */
    L2GatewayEvents NONE = new L2GatewayEvents() {
    };

    /** One reconcile finished without error. */
    default void reconciled() {
    }

    /** One reconcile failed (it will be retried). */
    default void error() {
    }

    /** The gateway of {@code resource} moved from node {@code fromNode} to {@code toNode}. */
    default void failover(String resource, String fromNode, String toNode) {
    }

    /** How many L2Gateways are in each state ({@code ready}, {@code pending}, {@code rejected}); all keys present. */
    default void gatewaysByState(Map<String, Integer> counts) {
    }
}
