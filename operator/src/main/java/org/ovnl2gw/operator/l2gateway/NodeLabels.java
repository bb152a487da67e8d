package org.ovnl2gw.operator.l2gateway;

import java.util.Map;

/** The labels of Kubernetes nodes, for {@code spec.gatewayNodes.nodeSelector}. */
public interface NodeLabels {
    /** The node's labels; empty when the node is unknown (an empty or absent selector still admits it). */
    Map<String, String> labelsOf(String nodeName);
}
