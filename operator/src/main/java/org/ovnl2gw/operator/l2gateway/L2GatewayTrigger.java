package org.ovnl2gw.operator.l2gateway;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;
import org.ovnl2gw.operator.ovn.OvnChangeListener;
import org.ovnl2gw.operator.ovn.OwnershipMark;

/**
 * Turns OVN changes and health transitions into reconcile requests through a JOSDK inbound event source: a
 * change to one of our ports reconciles its gateway only; a switch or chassis change reconciles all of them.
 * JOSDK coalesces requests for a resource that is already queued, so bursts cost one reconcile each.
 */
public final class L2GatewayTrigger implements OvnChangeListener {
    private static final Logger LOG = Logger.getLogger(L2GatewayTrigger.class.getName());

    private final SimpleInboundEventSource<L2Gateway> source = new SimpleInboundEventSource<>("ovn-changes");
    private volatile IndexedResourceCache<L2Gateway> primaries;

    EventSource<Void, L2Gateway> eventSource() {
        return source;
    }

    /** Adds the conflict indexes ({@link SpecConflicts#indexers}) to the primary cache, before it starts. */
    void bind(IndexerResourceCache<L2Gateway> cache) {
        cache.addIndexers(SpecConflicts.indexers());
        this.primaries = cache;
    }

    void resource(String name) {
        if (!source.isRunning()) {
            return; // not started yet: the informer's initial list reconciles everything anyway
        }
        try {
            LOG.fine(() -> "OVN change: reconcile " + name);
            source.propagateEvent(new ResourceID(name));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not trigger a reconcile of " + name, e);
        }
    }

    void matching(Predicate<L2Gateway> which) {
        IndexedResourceCache<L2Gateway> cache = primaries;
        if (cache == null) {
            return;
        }
        try {
            cache.list().filter(which).forEach(g -> resource(g.getMetadata().getName()));
        } catch (RuntimeException e) {
            // the primary informer is not started yet; its initial list reconciles everything anyway
            LOG.log(Level.FINE, "primary cache not ready", e);
        }
    }

    /** Reconciles those of the gateways that may overlap one of {@code specs} (null ones skipped) that pass {@code which}. */
    void overlapping(List<L2GatewaySpec> specs, Predicate<L2Gateway> which) {
        IndexedResourceCache<L2Gateway> cache = primaries;
        if (cache == null) {
            return;
        }
        try {
            Set<String> names = new LinkedHashSet<>();
            for (L2GatewaySpec spec : specs) {
                SpecConflicts.mayOverlap(cache, spec).stream().filter(which)
                        .forEach(g -> names.add(g.getMetadata().getName()));
            }
            names.forEach(this::resource);
        } catch (RuntimeException e) {
            // the primary informer is not started yet; its initial list reconciles everything anyway
            LOG.log(Level.FINE, "primary cache not ready", e);
        }
    }

    public void all() {
        matching(g -> true);
    }

    @Override
    public void logicalSwitchesChanged() {
        all();
    }

    @Override
    public void gatewayPortChanged(String logicalPort) {
        if (logicalPort.startsWith(OwnershipMark.PORT_PREFIX)) {
            resource(logicalPort.substring(OwnershipMark.PORT_PREFIX.length()));
        }
    }

    @Override
    public void chassisChanged() {
        all();
    }
}
