package org.ovnl2gw.operator.l2gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the L2Gateway side.
 *
 * @param failoverTimeout   a chassis whose heartbeat has not changed for this long (operator clock) is dead
 * @param pendingResync     re-check a gateway that is not Ready this often even without events (safety net)
 * @param readyResync       re-check a Ready gateway this often even without events (safety net)
 * @param progressDeadline  how long a gateway may wait for OVN (its Port_Binding, its claim) before the wait,
 *                          until then a Normal Event, gets a Warning Event
 * @param orphanGracePeriod after start, wait this long before deleting ports whose resource is gone
 * @param orphanInterval    then look for orphans this often
 * @param transactTimeout   how long one OVSDB transaction may take
 * @param eventNamespace    where Events about these cluster-scoped resources are written
 */
public record L2GatewaySettings(Duration failoverTimeout, Duration pendingResync, Duration readyResync,
                                Duration progressDeadline, Duration orphanGracePeriod, Duration orphanInterval,
                                Duration transactTimeout, String eventNamespace) {
    public L2GatewaySettings {
        Objects.requireNonNull(failoverTimeout, "failoverTimeout");
        Objects.requireNonNull(pendingResync, "pendingResync");
        Objects.requireNonNull(readyResync, "readyResync");
        Objects.requireNonNull(progressDeadline, "progressDeadline");
        Objects.requireNonNull(orphanGracePeriod, "orphanGracePeriod");
        Objects.requireNonNull(orphanInterval, "orphanInterval");
        Objects.requireNonNull(transactTimeout, "transactTimeout");
        Objects.requireNonNull(eventNamespace, "eventNamespace");
    }

    /**
     * 6 s failover (3 agent heartbeats of 2 s), 10 s pending / 120 s ready resync, 30 s progress deadline (a
     * binding takes well under a second; 30 s covers an agent or ovn-northd restarting), 60 s orphan grace.
     */
    public static L2GatewaySettings defaults() {
        return new L2GatewaySettings(Duration.ofSeconds(6), Duration.ofSeconds(10), Duration.ofSeconds(120),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10),
                "default");
    }

    public L2GatewaySettings withFailoverTimeout(Duration timeout) {
        return new L2GatewaySettings(timeout, pendingResync, readyResync, progressDeadline, orphanGracePeriod,
                orphanInterval, transactTimeout, eventNamespace);
    }

    public L2GatewaySettings withProgressDeadline(Duration deadline) {
        return new L2GatewaySettings(failoverTimeout, pendingResync, readyResync, deadline, orphanGracePeriod,
                orphanInterval, transactTimeout, eventNamespace);
    }

    public L2GatewaySettings withOrphanGracePeriod(Duration grace, Duration interval) {
        return new L2GatewaySettings(failoverTimeout, pendingResync, readyResync, progressDeadline, grace,
                interval, transactTimeout, eventNamespace);
    }
}
