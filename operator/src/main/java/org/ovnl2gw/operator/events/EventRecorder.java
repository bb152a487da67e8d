package org.ovnl2gw.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Writes Kubernetes Events about our resources and about Nodes. Calls must not block a reconcile. */
public interface EventRecorder {
    String NORMAL = "Normal";
    String WARNING = "Warning";

    /** An Event about one of our resources (an L2Gateway or a BridgeMapping). */
    void record(HasMetadata about, String type, String reason, String message);

    /** An Event about a Node, as kubelet's are: where an administrator looks for what concerns that node. */
    void recordAboutNode(String nodeName, String type, String reason, String message);
}
