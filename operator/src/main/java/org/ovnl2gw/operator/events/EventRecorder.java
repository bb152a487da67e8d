package org.ovnl2gw.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Writes Kubernetes Events about our resources and about Nodes. Calls must not block a reconcile. */
public interface EventRecorder {
    String NORMAL = "Normal";
    String WARNING = "Warning";

    /** An Event about one of our resources (an L2Gateway or a BridgeMapping). */
    void record(HasMetadata about, String type, String reason, String message);

    /**
     * An Event for a state of which only the latest is news (a Ready reason): a recorder that has fallen behind
     * may drop it when a newer one about the same resource is queued before it is written.
     */
    default void recordLatestState(HasMetadata about, String type, String reason, String message) {
        record(about, type, reason, message);
    }

    /** An Event about a Node, as kubelet's are: where an administrator looks for what concerns that node. */
    void recordAboutNode(String nodeName, String type, String reason, String message);
}
