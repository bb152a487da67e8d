package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.chassis.ChassisMode;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.api.v1alpha1.NetworkMapping;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * Our agent beside a real ovn-controller (companion mode): on a gateway node ovn-controller is the chassis
 * and serves the l2gateway port while the agent applies the BridgeMapping that gives it the network; on a
 * hypervisor nothing of the agent's appears in br-int, the Southbound chassis rows or the VIFs' traffic while
 * its BridgeMapping is applied and reported.
 */
class CompanionModeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Testbed testbed;
    private EmbeddedKubeApi kube;
    private final List<Main.NodeAgent> agents = new ArrayList<>();

    @BeforeEach
    void start() {
        testbed = Testbed.create("compn");
        kube = EmbeddedKubeApi.start(0);
        kube.applyCrds(Path.of(System.getProperty("crds.dir", "../crds")));
    }

    @AfterEach
    void stop() {
        agents.forEach(Main.NodeAgent::close);
        kube.close();
        testbed.close();
    }

    @Test
    void seedMatrixPassesWithOvnControllerAsTheGatewayAndTheAgentApplyingItsBridgeMapping() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), false);
        OvsHost gw = topology.gateway("hv_gw");
        gw.startOvnController();
        OvnCentral central = topology.central();
        eventually("ovn-controller registered hv_gw", () -> central.sbFind("Chassis", "name").contains("hv_gw"));
        Main.NodeAgent agent = startCompanion(gw, "hv_gw");
        bridgeMapping("physnet1", "gateway", new NetworkMapping(SeedTopology.NETWORK, topology.physicalBridge(), null));
        eventually("the agent is a companion", () -> agent.gateway().mode().equals(Optional.of(ChassisMode.COMPANION)));
        eventually("ovn-controller publishes the mapping the agent applied", () -> central.sbctl("get", "Chassis",
                "hv_gw", "other_config:ovn-bridge-mappings").contains("physnet1:" + topology.physicalBridge()));
        eventually("the agent reports physnet1 applied", () -> reported(central, "hv_gw", "physnet1"));

        topology.addGatewayPortByHand("lp-gw", "hv_gw");
        eventually("ovn-controller claimed lp-gw", () -> central.sbFind("Port_Binding", "chassis",
                "logical_port=lp-gw").size() == 1 && !central.sbFind("Port_Binding", "chassis",
                "logical_port=lp-gw").get(0).isBlank());
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> untagged = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(untagged));
        assertTrue(TrafficMatrix.allPassed(untagged), TrafficMatrix.table(untagged));

        central.nbctl("set", "Logical_Switch_Port", "lp-gw", "tag_request=100");
        topology.setPhysicalHostVlan(100);
        eventually("lp-gw has tag 100", () -> central.sbFind("Port_Binding", "tag", "logical_port=lp-gw")
                .equals(List.of("100")));
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> tagged = new TrafficMatrix(topology).run(100);
        System.out.print(TrafficMatrix.table(tagged));
        assertTrue(TrafficMatrix.allPassed(tagged), TrafficMatrix.table(tagged));

        // ovn-controller made the patch ports, not us; nothing of ours on br-int
        assertEquals(2, GatewayHarness.patchPortsFor(gw, "lp-gw").size());
        assertNothingOfOursIn(gw, central, "hv_gw");
        assertEquals(List.of("lp-gw"), agent.gateway().lastPlan().servedPorts().stream()
                .map(p -> p.logicalPort()).toList(), "the agent follows what ovn-controller serves (announcements)");
    }

    @Test
    void aHypervisorRunningOvnControllerKeepsItsVifTrafficWhileItsBridgeMappingIsApplied() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
        OvnCentral central = topology.central();
        Main.NodeAgent gateway = GatewayHarness.startAgent(topology.gateway("hv_gw"));
        agents.add(gateway);
        OvsHost hv1 = topology.hypervisor(1);
        eventually("hv1 and hv_gw registered", () -> central.sbFind("Chassis", "name").containsAll(
                List.of("hv1", "hv2", "hv_gw")));
        List<String> chassisBefore = central.sbFind("Chassis", "_uuid").stream().sorted().toList();
        Main.NodeAgent companion = startCompanion(hv1, "hv1");
        bridgeMapping("extnet", "gateway", new NetworkMapping("extnet", "br-ext", null));
        eventually("the agent on hv1 is a companion", () ->
                companion.gateway().mode().equals(Optional.of(ChassisMode.COMPANION)));
        eventually("the agent on hv1 reports extnet applied", () -> reported(central, "hv1", "extnet"));
        assertTrue(hv1.vsctl("get", "Open_vSwitch", ".", "external_ids:ovn-bridge-mappings").contains("extnet:br-ext"));
        eventually("ovn-controller publishes extnet", () -> central.sbctl("get", "Chassis", "hv1",
                "other_config:ovn-bridge-mappings").contains("extnet:br-ext"));

        topology.addGatewayPortByHand("lp-gw", "hv_gw");
        eventually("the gateway agent claimed lp-gw", () ->
                central.sbFind("Port_Binding", "up", "logical_port=lp-gw").equals(List.of("true")));
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> results = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(results));
        assertTrue(TrafficMatrix.allPassed(results), TrafficMatrix.table(results));

        assertEquals(chassisBefore, central.sbFind("Chassis", "_uuid").stream().sorted().toList(), "no chassis row appeared or went");
        assertNothingOfOursIn(hv1, central, "hv1");
        assertEquals("companion", central.sbctl("get", "Chassis_Private", "hv1", "external_ids:ovn-l2gw-mode")
                .strip().replace("\"", ""));
        String beat = heartbeat(central, "hv1");
        eventually("the companion's heartbeat advances", () -> !heartbeat(central, "hv1").equals(beat));
    }

    private Main.NodeAgent startCompanion(OvsHost host, String node) throws Exception {
        kube.client().nodes().resource(new NodeBuilder().withNewMetadata().withName(node)
                .addToLabels("role", "gateway").endMetadata().build()).create();
        Path kubeconfig = kube.writeKubeconfig(testbed.baseDir().resolve("kubeconfig-" + node));
        Main.NodeAgent agent = GatewayHarness.startAgent(host, "--kubeconfig", kubeconfig.toString(),
                "--node-name", node);
        agents.add(agent);
        return agent;
    }

    private void bridgeMapping(String name, String role, NetworkMapping mapping) {
        var selector = new LabelSelectorBuilder().addToMatchLabels("role", role).build();
        kube.client().resources(BridgeMapping.class).resource(new BridgeMapping(name,
                new BridgeMappingSpec(selector, List.of(mapping)))).create();
    }

    /** No flow with our cookie, no port or bridge marked by the gateway side of the agent, no mark on the chassis. */
    private static void assertNothingOfOursIn(OvsHost host, OvnCentral central, String chassis) {
        assertEquals(List.of(), GatewayHarness.ourFlows(host), "flows of ours on " + host);
        assertEquals(List.of(), GatewayHarness.ourPorts(host), "ports of ours on " + host);
        assertFalse(host.vsctl("get", "Bridge", "br-int", "external_ids").contains("ovn-l2gw-owner"),
                "br-int is ovn-controller's");
        assertFalse(central.sbctl("get", "Chassis", chassis, "external_ids").contains("ovn-l2gw"),
                "nothing of ours in ovn-controller's Chassis row");
        assertFalse(central.sbctl("get", "Chassis", chassis, "other_config").contains("ovn-l2gw"),
                "nothing of ours in ovn-controller's Chassis other_config");
        assertEquals(List.of(), central.sbFind("Chassis", "name", "external_ids:ovn-l2gw-owner=node-agent").stream()
                .filter(chassis::equals).toList());
    }

    private static String heartbeat(OvnCentral central, String chassis) {
        return central.sbctl("get", "Chassis_Private", chassis, "external_ids:ovn-l2gw-heartbeat").strip();
    }

    private static boolean reported(OvnCentral central, String chassis, String mapping) {
        try {
            String json = central.sbctl("get", "Chassis_Private", chassis,
                    "external_ids:ovn-l2gw-bridge-mappings-status");
            JsonNode parsed = JSON.readTree(JSON.readTree(json.strip()).asText());
            return parsed.path(mapping).path("ready").asBoolean(false);
        } catch (Exception e) {
            return false;
        }
    }
}
