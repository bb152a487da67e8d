package org.ovnl2gw.operator.bridgemapping;

import java.util.Map;
import java.util.Optional;
import org.ovnl2gw.contract.MappingResult;

/**
 * What one node agent published in its Southbound Chassis row.
 *
 * @param chassis the Chassis name
 * @param node the Kubernetes node it runs on ({@code other_config:ovn-l2gw-node}, else the chassis name)
 * @param mappings outcome per BridgeMapping name, for the BridgeMappings the agent saw selecting its node
 * @param unreadable why the status document could not be read, when it could not
 */
public record AgentReport(String chassis, String node, Map<String, MappingResult> mappings,
                          Optional<String> unreadable) {

    public AgentReport {
        mappings = Map.copyOf(mappings);
    }
}
