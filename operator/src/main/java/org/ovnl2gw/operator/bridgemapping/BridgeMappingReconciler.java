package org.ovnl2gw.operator.bridgemapping;

import io.fabric8.kubernetes.api.model.Node;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingStatus;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.kube.UnreadableResources;
import org.ovnl2gw.operator.events.EventRecorder;
import org.ovnl2gw.operator.events.ProgressDeadline;
import org.ovnl2gw.operator.ops.MetricSample;

/**
 * Keeps each BridgeMapping's status equal to what the agents on its selected nodes report. Reconciles on a
 * spec change, on a node's labels changing, on a Southbound report changing, and every resync period as a
 * safety net. Patches status only when it differs from what is stored.
 */
@ControllerConfiguration(name = BridgeMappingReconciler.NAME)
public final class BridgeMappingReconciler implements Reconciler<BridgeMapping> {
    public static final String NAME = "bridgemapping";
    private static final Logger LOG = Logger.getLogger(BridgeMappingReconciler.class.getName());
    private static final String NODES = "nodes";

    private final SouthboundAgentReports reports;
    private final EventRecorder events;
    private final BridgeMappingStatusCalculator calculator;
    private final Clock clock;
    private final Duration resync;
    private final ProgressDeadline waits;
    /** Per mapping (uid), the status this operator last decided, whether or not the cache has it yet. */
    private final Map<String, BridgeMappingStatus> lastWritten = new ConcurrentHashMap<>();
    private volatile IndexerResourceCache<BridgeMapping> bridgeMappings;

    /**
     * @param progressDeadline how long the agents may take to report a mapping before the wait, a Normal Event
     *                         until then, gets a Warning Event
     * @param unreadable       mappings the client's serialization read without their spec: reported as invalid
     */
    public BridgeMappingReconciler(SouthboundAgentReports reports, EventRecorder events, Clock clock,
                                   Duration resync, Duration progressDeadline, UnreadableResources unreadable) {
        this.reports = reports;
        this.calculator = new BridgeMappingStatusCalculator(unreadable::problem);
        this.events = events;
        this.clock = clock;
        this.resync = resync;
        this.waits = new ProgressDeadline(clock, progressDeadline);
    }

    @Override
    public UpdateControl<BridgeMapping> reconcile(BridgeMapping mapping, Context<BridgeMapping> context) {
        forgetDeletedMappings();
        List<Node> nodes = nodes(context).list(node -> true).toList();
        BridgeMappingStatus stored = mapping.getStatus() == null ? BridgeMappingStatus.EMPTY : mapping.getStatus();
        BridgeMappingStatus computed = calculator.compute(mapping, nodes, reports.snapshot(), clock.instant());
        Condition ready = Conditions.find(computed.conditions(), ConditionTypes.READY).orElseThrow();
        String name = mapping.getMetadata().getName();
        String wait = key(mapping);
        if (ReadyTransition.isProgress(ready)) {
            waits.overdue(wait).ifPresent(waited -> events.record(mapping, EventRecorder.WARNING, ready.reason(),
                    ProgressDeadline.overdueMessage(waited, ready.message())));
        } else {
            waits.done(wait);
        }
        Duration next = waits.untilOverdue(wait).filter(left -> left.compareTo(resync) < 0).orElse(resync);
        if (computed.equals(stored)) {
            return UpdateControl.<BridgeMapping>noUpdate().rescheduleAfter(next);
        }
        LOG.info(() -> "decided: BridgeMapping " + name + " Ready=" + ready.status()
                + " (" + ready.reason() + ": " + ready.message() + "), " + computed.readyNodes() + "/"
                + computed.selectedNodes() + " nodes ready -> patch status");
        // against what this operator last wrote, when it wrote last: the next reconcile can come before the cache
        // holds our patch (an agent's report right after it), and would announce the same transition again
        BridgeMappingStatus before = Optional.ofNullable(lastWritten.get(wait)).orElse(stored);
        ReadyTransition.between(before, computed).ifPresent(transition ->
                events.record(mapping, transition.type(), transition.reason(), transition.message()));
        lastWritten.put(wait, computed);
        mapping.setStatus(computed);
        return UpdateControl.patchStatus(mapping).rescheduleAfter(next);
    }

    /** What this reconciler keeps per mapping is keyed by uid: one deleted and created again starts afresh. */
    private static String key(BridgeMapping mapping) {
        return Objects.requireNonNullElse(mapping.getMetadata().getUid(), mapping.getMetadata().getName());
    }

    /** What is kept per mapping goes with the mapping (no finalizer tells us: the cache does). */
    private void forgetDeletedMappings() {
        IndexerResourceCache<BridgeMapping> cache = bridgeMappings;
        if (cache == null) {
            return;
        }
        Set<String> live = cache.list().map(BridgeMappingReconciler::key).collect(Collectors.toSet());
        lastWritten.keySet().retainAll(live);
        waits.retainOnly(live);
    }

    @Override
    public List<EventSource<?, BridgeMapping>> prepareEventSources(EventSourceContext<BridgeMapping> context) {
        bridgeMappings = context.getPrimaryCache();
        // Nodes are listed from the API and selected here: the embedded API ignores set-based selectors.
        // A node matters only through its labels; its frequent status updates must not trigger anything.
        InformerEventSourceConfiguration<Node> nodeConfig = InformerEventSourceConfiguration
                .from(Node.class, BridgeMapping.class)
                .withName(NODES)
                .withSecondaryToPrimaryMapper(node -> allBridgeMappings(context.getPrimaryCache()))
                .withOnUpdateFilter((newNode, oldNode) -> !Objects.equals(
                        newNode.getMetadata().getLabels(), oldNode.getMetadata().getLabels()))
                .build();
        return List.of(new InformerEventSource<>(nodeConfig, context),
                new SouthboundReportsEventSource(reports, context.getPrimaryCache()));
    }

    /** BridgeMappings by readiness, from the informer cache, for the {@code l2gw_bridgemappings} gauge. */
    public List<MetricSample> readinessSamples() {
        IndexerResourceCache<BridgeMapping> cache = bridgeMappings;
        List<BridgeMapping> all = cache == null ? List.of() : cache.list().toList();
        long ready = all.stream()
                .filter(m -> m.getStatus() != null && Conditions.isTrue(m.getStatus().conditions(), ConditionTypes.READY))
                .count();
        return List.of(MetricSample.of("ready", "true", ready), MetricSample.of("ready", "false", all.size() - ready));
    }

    @SuppressWarnings("unchecked")
    private static InformerEventSource<Node, BridgeMapping> nodes(Context<BridgeMapping> context) {
        return (InformerEventSource<Node, BridgeMapping>) context.eventSourceRetriever()
                .getEventSourceFor(Node.class, NODES);
    }

    private static Set<ResourceID> allBridgeMappings(IndexerResourceCache<BridgeMapping> cache) {
        return cache.list().map(ResourceID::fromResource).collect(Collectors.toSet());
    }
}
