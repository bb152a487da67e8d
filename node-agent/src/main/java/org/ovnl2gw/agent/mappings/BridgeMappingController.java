package org.ovnl2gw.agent.mappings;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.ovnl2gw.agent.loop.CoalescingLoop;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.contract.BridgeMappingsStatus;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.MappingResult;
import org.ovnl2gw.ovsdb.OvsdbSession;

/**
 * Watches the BridgeMappings (read-only) and this node's labels, applies the entries of those that select
 * this node through {@link BridgeMappingManager}, and hands the per-BridgeMapping results to a publisher (the
 * gateway agent puts them in our Southbound Chassis row, where the operator reads them).
 *
 * <p>Selectors are matched here, in code: the embedded test API ignores set-based selectors.
 */
public final class BridgeMappingController implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BridgeMappingController.class.getName());

    private final KubernetesClient client;
    private final String nodeName;
    private final OvsdbSession ovs;
    private final BridgeMappingManager manager;
    private final BridgeMappingPlanner planner = new BridgeMappingPlanner();
    private final Consumer<Map<String, String>> publisher;
    private final CoalescingLoop loop;
    private SharedIndexInformer<BridgeMapping> mappings;
    private SharedIndexInformer<Node> node;
    private String lastPublished = "";

    public BridgeMappingController(KubernetesClient client, String nodeName, OvsdbSession ovs,
                                   Consumer<Map<String, String>> publisher) {
        this.client = client;
        this.nodeName = nodeName;
        this.ovs = ovs;
        this.manager = new BridgeMappingManager(ovs);
        this.publisher = publisher;
        this.loop = new CoalescingLoop("bridge-mappings", this::reconcile);
    }

    public BridgeMappingController start() {
        publisher.accept(ChassisKeys.bridgeMappingsReport(nodeName, Optional.empty()));
        ResourceEventHandler<Object> trigger = new ResourceEventHandler<>() {
            @Override
            public void onAdd(Object obj) {
                trigger();
            }

            @Override
            public void onUpdate(Object oldObj, Object newObj) {
                trigger();
            }

            @Override
            public void onDelete(Object obj, boolean deletedFinalStateUnknown) {
                trigger();
            }
        };
        mappings = client.resources(BridgeMapping.class).inform(cast(trigger), 0);
        node = client.nodes().withName(nodeName).inform(cast(trigger), 0);
        // also repair what someone changed in OVS behind our back
        loop.every(Duration.ofSeconds(5), Duration.ofSeconds(5), this::trigger);
        LOG.info(() -> "watching BridgeMappings for node " + nodeName);
        return this;
    }

    @SuppressWarnings("unchecked")
    private static <T> ResourceEventHandler<T> cast(ResourceEventHandler<Object> handler) {
        return (ResourceEventHandler<T>) (ResourceEventHandler<?>) handler;
    }

    public void trigger() {
        loop.request();
    }

    private void reconcile() {
        if (!ovs.isConnected()) {
            return;
        }
        try {
            Map<String, String> labels = Optional.ofNullable(node.getStore().getByKey(nodeName))
                    .map(n -> n.getMetadata().getLabels()).orElse(null);
            if (labels == null) {
                LOG.warning(() -> "node " + nodeName + " not found in the Kubernetes API; no BridgeMapping applies");
                labels = Map.of();
            }
            Map<String, BridgeMappingSpec> selected = new LinkedHashMap<>();
            for (BridgeMapping bm : mappings.getStore().list()) {
                if (bm.getSpec() != null && bm.getMetadata().getDeletionTimestamp() == null
                        && bm.getSpec().selects(labels)) {
                    selected.put(bm.getMetadata().getName(), bm.getSpec());
                }
            }
            BridgeMappingPlanner.Plan plan = planner.plan(selected, manager.othersMappings());
            Map<String, String> uplinkProblems = manager.apply(plan.entries()).get(10, TimeUnit.SECONDS);
            Map<String, MappingResult> results = new LinkedHashMap<>(plan.results());
            for (BridgeMappingPlanner.Entry entry : plan.entries()) {
                String problem = uplinkProblems.get(entry.network());
                if (problem != null) {
                    entry.owners().forEach(o -> results.put(o,
                            MappingResult.failed(MappingResult.UPLINK_CONFLICT, problem)));
                }
            }
            publish(results);
        } catch (Exception e) {
            LOG.warning(() -> "applying bridge mappings failed, retrying: " + e);
            loop.requestAfter(Duration.ofSeconds(2));
        }
    }

    /** The entries published for these results (the operator reads them with its AgentReportParser). */
    public static Map<String, String> publication(String nodeName, Map<String, MappingResult> results) {
        return ChassisKeys.bridgeMappingsReport(nodeName, Optional.of(BridgeMappingsStatus.format(results)));
    }

    private void publish(Map<String, MappingResult> results) {
        String json = BridgeMappingsStatus.format(results);
        if (!json.equals(lastPublished)) {
            lastPublished = json;
            LOG.info(() -> "bridge mappings on " + nodeName + ": " + json);
            publisher.accept(publication(nodeName, results));
        }
    }

    @Override
    public void close() {
        loop.close();
        if (mappings != null) {
            mappings.close();
        }
        if (node != null) {
            node.close();
        }
    }
}
