package org.ovnl2gw.operator.l2gateway;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Node labels (and the facts {@link ChassisIdentityCheck} ties chassis to Nodes by) from a Node informer. Calls
 * back when a node appears, goes, or changes labels, its chassis annotation or its addresses: other status updates (kubelet heartbeats) are ignored so they never cause reconciles.
 */
public final class InformedNodeLabels implements NodeLabels, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InformedNodeLabels.class.getName());

    private final SharedIndexInformer<Node> informer;

    public InformedNodeLabels(KubernetesClient client, Runnable onLabelsChanged) {
        this.informer = client.nodes().runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<Node>() {
            @Override
            public void onAdd(Node node) {
                onLabelsChanged.run();
            }

            @Override
            public void onUpdate(Node before, Node after) {
                if (!Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
                        || !identityOf(before).equals(identityOf(after))) {
                    onLabelsChanged.run();
                }
            }

            @Override
            public void onDelete(Node node, boolean finalStateUnknown) {
                onLabelsChanged.run();
            }
        });
    }

    void start() {
        informer.start().whenComplete((ok, e) -> {
            if (e != null) {
                LOG.warning("cannot watch nodes (node selectors see no labels): " + e.getMessage());
            }
        });
    }

    @Override
    public Map<String, String> labelsOf(String nodeName) {
        Node node = informer.getStore().getByKey(nodeName);
        Map<String, String> labels = node == null ? null : node.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** What {@link ChassisIdentityCheck} needs of every known Node: name, chassis annotation, addresses. */
    public List<ChassisIdentityCheck.NodeFacts> nodeFacts() {
        return informer.getStore().list().stream().map(InformedNodeLabels::identityOf).toList();
    }

    private static ChassisIdentityCheck.NodeFacts identityOf(Node node) {
        Map<String, String> annotations = node.getMetadata().getAnnotations();
        Set<String> addresses = new HashSet<>();
        if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
            node.getStatus().getAddresses().forEach(a -> addresses.add(a.getAddress()));
        }
        return new ChassisIdentityCheck.NodeFacts(node.getMetadata().getName(),
                Optional.ofNullable(annotations == null ? null : annotations.get(ChassisIdentityCheck.CHASSIS_ANNOTATION)),
                addresses);
    }

    @Override
    public void close() {
        informer.close();
    }
}
