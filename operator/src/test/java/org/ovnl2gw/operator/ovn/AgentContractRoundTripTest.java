package org.ovnl2gw.operator.ovn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.mappings.BridgeMappingController;
import org.ovnl2gw.contract.BridgeMappings;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.MappingResult;
import org.ovnl2gw.operator.bridgemapping.AgentReport;
import org.ovnl2gw.operator.bridgemapping.AgentReportParser;

/**
 * What the node agent writes into the Southbound Chassis rows (built here by the agent's own code) read back
 * by the operator's readers: both of its views of a chassis, as a gateway candidate and as a BridgeMapping
 * report, in both chassis modes.
 */
class AgentContractRoundTripTest {
    private static final Map<String, MappingResult> RESULTS = new LinkedHashMap<>(Map.of(
            "bm-phys", MappingResult.applied("applied physnet1 -> br-phys"),
            "bm-bad", MappingResult.failed(MappingResult.NETWORK_CONFLICT, "physnet2 is mapped twice")));

    @Test
    void agentChassisIsReadAsTheAgentWroteIt() {
        // as GatewayAgent + ChassisRegistrar register it: BridgeMapping report, bridge mappings, our mark
        Map<String, String> otherConfig = new HashMap<>(BridgeMappingController.publication("worker-1", RESULTS));
        otherConfig.put(ChassisKeys.BRIDGE_MAPPINGS, BridgeMappings.parse("physnet1:br-phys").format());
        Map<String, String> privateIds = Map.of(ChassisKeys.HEARTBEAT, "7");

        ChassisInfo chassis = OvsdbSouthboundClient.chassisInfo("gw-1", otherConfig, ChassisKeys.agentMark(),
                privateIds);
        assertEquals(new ChassisInfo("gw-1", "worker-1", Set.of("physnet1"), true, Optional.of("7"), false), chassis);

        AgentReport report = AgentReportParser.parse("gw-1", otherConfig, ChassisKeys.agentMark()).orElseThrow();
        assertEquals(new AgentReport("gw-1", "worker-1", RESULTS, Optional.empty()), report);
    }

    @Test
    void companionKeysInChassisPrivateAreReadAsTheAgentWroteThem() {
        // as CompanionReporter publishes beside ovn-controller, which owns the Chassis row and its other_config
        Map<String, String> privateIds = new HashMap<>(BridgeMappingController.publication("worker-2", RESULTS));
        privateIds.put(ChassisKeys.MODE, ChassisKeys.COMPANION);
        privateIds.put(ChassisKeys.HEARTBEAT, "3");
        Map<String, String> controllerConfig = Map.of(ChassisKeys.BRIDGE_MAPPINGS, "physnet1:br-ex");

        ChassisInfo chassis = OvsdbSouthboundClient.chassisInfo("hv-2", controllerConfig, Map.of(), privateIds);
        assertEquals(new ChassisInfo("hv-2", "worker-2", Set.of("physnet1"), false, Optional.of("3"), true),
                chassis);
        assertTrue(chassis.gatewayCapable());

        AgentReport report = AgentReportParser.parse("hv-2", privateIds, ChassisKeys.agentMark()).orElseThrow();
        assertEquals(RESULTS, report.mappings());
        assertEquals("worker-2", report.node());
    }

    @Test
    void aPlainOvnControllerChassisIsNoAgentOfOurs() {
        Map<String, String> config = Map.of(ChassisKeys.BRIDGE_MAPPINGS, "physnet1:br-ex");
        ChassisInfo chassis = OvsdbSouthboundClient.chassisInfo("hv-1", config, Map.of(), Map.of());
        assertFalse(chassis.gatewayCapable());
        assertEquals("hv-1", chassis.nodeName());
        assertTrue(AgentReportParser.parse("hv-1", config, Map.of()).isEmpty());
    }
}
