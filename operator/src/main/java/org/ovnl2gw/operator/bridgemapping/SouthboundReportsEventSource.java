package org.ovnl2gw.operator.bridgemapping;

import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import java.util.Set;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;

/**
 * Turns "an agent report changed" into a reconcile of every BridgeMapping. Which BridgeMappings a chassis
 * change touches depends on node labels and selectors; recomputing them all is cheap (they are few, and the
 * work is a cache read), and java-operator-sdk coalesces events for a resource already queued.
 */
final class SouthboundReportsEventSource extends AbstractEventSource<AgentReport, BridgeMapping> {
    private final SouthboundAgentReports reports;
    private final IndexerResourceCache<BridgeMapping> bridgeMappings;

    SouthboundReportsEventSource(SouthboundAgentReports reports, IndexerResourceCache<BridgeMapping> bridgeMappings) {
        super(AgentReport.class, "southbound-agent-reports");
        this.reports = reports;
        this.bridgeMappings = bridgeMappings;
    }

    /** Reports are not secondary resources of one BridgeMapping; the reconciler reads them as a whole. */
    @Override
    public Set<AgentReport> getSecondaryResources(BridgeMapping primary) {
        return Set.of();
    }

    @Override
    public void start() {
        super.start();
        // The session offers no way to remove a listener; a stopped source just ignores the calls.
        reports.onChange(this::reconcileAll);
    }

    private void reconcileAll() {
        if (!isRunning()) {
            return;
        }
        bridgeMappings.list().forEach(mapping ->
                getEventHandler().handleEvent(new Event(ResourceID.fromResource(mapping))));
    }
}
