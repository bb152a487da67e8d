package org.ovnl2gw.operator.l2gateway;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Node labels from a Node informer (list/watch nodes). Calls back when a node appears, goes or changes labels:
 * status-only updates (kubelet heartbeats) are ignored so they never cause reconciles.
 */
final class InformedNodeLabels implements NodeLabels, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InformedNodeLabels.class.getName());

    private final SharedIndexInformer<Node> informer;

    InformedNodeLabels(KubernetesClient client, Runnable onLabelsChanged) {
        this.informer = client.nodes().runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<Node>() {
            @Override
            public void onAdd(Node node) {
                onLabelsChanged.run();
            }

            @Override
            public void onUpdate(Node before, Node after) {
                if (!Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())) {
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

    @Override
    public void close() {
        informer.close();
    }
}
