package org.ovnl2gw.operator.l2gateway;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.ovn.GatewayPort;
import org.ovnl2gw.operator.ovn.NorthboundClient;

/**
 * Removes ports marked ours whose L2Gateway no longer exists (deleted while the operator was down, or with its
 * finalizer removed by hand). Waits a grace period after start so a fresh operator's caches are complete, then
 * runs periodically. Reads our ports before listing resources: a port seen first belongs to a resource that
 * existed, so a resource created meanwhile is never mistaken for gone. Run it on the leader only.
 */
public final class OrphanCollector implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OrphanCollector.class.getName());

    private final KubernetesClient client;
    private final NorthboundClient nb;
    private final L2GatewaySettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "l2gateway-orphans");
        t.setDaemon(true);
        return t;
    });

    public OrphanCollector(KubernetesClient client, NorthboundClient nb, L2GatewaySettings settings) {
        this.client = client;
        this.nb = nb;
        this.settings = settings;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::collectQuietly, settings.orphanGracePeriod().toMillis(),
                settings.orphanInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void collectQuietly() {
        try {
            collectOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "orphan collection failed; will try again", e);
        }
    }

    /** One pass; returns the resource names whose ports were deleted. */
    public List<String> collectOnce() {
        if (!nb.isConnected()) {
            return List.of();
        }
        List<GatewayPort> ours = nb.ownedPorts();
        Set<String> existing = client.resources(L2Gateway.class).list().getItems().stream()
                .map(g -> g.getMetadata().getName()).collect(Collectors.toSet());
        List<String> deleted = new ArrayList<>();
        for (GatewayPort port : ours) {
            String owner = port.ownerResource().orElseThrow();
            if (!existing.contains(owner)) {
                LOG.info(() -> "desired no port for deleted L2Gateway " + owner + ", current " + port + " -> delete");
                if (nb.deleteGatewayPort(owner).changed()) {
                    deleted.add(owner);
                }
            }
        }
        return deleted;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
