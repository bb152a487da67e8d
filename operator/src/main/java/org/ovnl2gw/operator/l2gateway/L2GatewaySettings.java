package org.ovnl2gw.operator.l2gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the L2Gateway side.
 *
 * @param failoverTimeout   a chassis whose heartbeat has not changed for this long (operator clock) is dead
 * @param pendingResync     re-check a gateway that is not Ready this often even without events (safety net)
 * @param readyResync       re-check a Ready gateway this often even without events (safety net)
 * @param orphanGracePeriod after start, wait this long before deleting ports whose resource is gone
 * @param orphanInterval    then look for orphans this often
 * @param transactTimeout   how long one OVSDB transaction may take
 * @param eventNamespace    where Events about these cluster-scoped resources are written
 */
public record L2GatewaySettings(Duration failoverTimeout, Duration pendingResync, Duration readyResync,
                                Duration orphanGracePeriod, Duration orphanInterval, Duration transactTimeout,
                                String eventNamespace) {
    public L2GatewaySettings {
        Objects.requireNonNull(failoverTimeout, "failoverTimeout");
        Objects.requireNonNull(pendingResync, "pendingResync");
        Objects.requireNonNull(readyResync, "readyResync");
        Objects.requireNonNull(orphanGracePeriod, "orphanGracePeriod");
        Objects.requireNonNull(orphanInterval, "orphanInterval");
        Objects.requireNonNull(transactTimeout, "transactTimeout");
        Objects.requireNonNull(eventNamespace, "eventNamespace");
    }

    /** 6 s failover (3 agent heartbeats of 2 s), 10 s pending / 120 s ready resync, 60 s orphan grace. */
    public static L2GatewaySettings defaults() {
        return new L2GatewaySettings(Duration.ofSeconds(6), Duration.ofSeconds(10), Duration.ofSeconds(120),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10), "default");
    }

    public L2GatewaySettings withFailoverTimeout(Duration timeout) {
        return new L2GatewaySettings(timeout, pendingResync, readyResync, orphanGracePeriod, orphanInterval,
                transactTimeout, eventNamespace);
    }

    public L2GatewaySettings withOrphanGracePeriod(Duration grace, Duration interval) {
        return new L2GatewaySettings(failoverTimeout, pendingResync, readyResync, grace, interval,
                transactTimeout, eventNamespace);
    }
}
