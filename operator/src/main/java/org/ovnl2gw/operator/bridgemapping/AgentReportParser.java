package org.ovnl2gw.operator.bridgemapping;

import java.util.Map;
import java.util.Optional;
import org.ovnl2gw.contract.BridgeMappingsStatus;
import org.ovnl2gw.contract.ChassisKeys;

/**
 * Reads the agent's side of the Southbound contract ({@link ChassisKeys}) from a Chassis row's maps. Pure, so
 * every malformed document an agent (or a person with ovn-sbctl) could write is unit-tested.
 */
public final class AgentReportParser {

    private AgentReportParser() {
    }

    /**
     * The report of a chassis run by our agent; empty for other chassis (an ovn-controller hypervisor
     * publishes no status and carries no mark of ours, so it is no agent).
     */
    public static Optional<AgentReport> parse(String chassis, Map<String, String> otherConfig,
                                              Map<String, String> externalIds) {
        String document = otherConfig.get(ChassisKeys.BRIDGE_MAPPINGS_STATUS);
        if (document == null && !ChassisKeys.registeredByAgent(externalIds)) {
            return Optional.empty();
        }
        String node = Optional.ofNullable(otherConfig.get(ChassisKeys.NODE)).filter(n -> !n.isBlank())
                .orElse(chassis);
        BridgeMappingsStatus.Parsed status = BridgeMappingsStatus.parse(document);
        return Optional.of(new AgentReport(chassis, node, status.results(), status.unreadable()));
    }
}
