package org.ovnl2gw.operator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.Main.NodeAgent;
import org.ovnl2gw.operator.Main;
import org.ovnl2gw.operator.config.OperatorOptions;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.api.v1alpha1.BridgeMappingStatus;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.NetworkMapping;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * A hypervisor (hv1, real ovn-controller with a VIF) running our agent beside ovn-controller, with the operator:
 * a BridgeMapping selecting hv1 is applied there and reported Ready on the resource, while no flow, port or
 * chassis row of ours appears on hv1 and its VIF traffic (the seed matrix through an agent gateway) is as before.
 */
class CompanionHypervisorIT {
    private Testbed testbed;
    private EmbeddedKubeApi api;
    private Main.RunningOperator operator;
    private NodeAgent gateway;
    private NodeAgent companion;

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
        if (companion != null) {
            companion.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (api != null) {
            api.close();
        }
        testbed.close();
    }

    @Test
    void aBridgeMappingOnAHypervisorIsReadyAndNothingOfOursAppearsThere() throws Exception {
        testbed = Testbed.create("companion-hv");
        SeedTopology topology = SeedTopology.build(testbed, List.of("gw1"), true);
        OvnCentral central = topology.central();
        api = EmbeddedKubeApi.start(0);
        api.applyCrds(Files.isDirectory(Path.of("..", "crds")) ? Path.of("..", "crds") : Path.of("crds"));
        for (String node : List.of("gw1", "hv1")) {
            api.client().nodes().resource(new NodeBuilder().withNewMetadata().withName(node)
                    .addToLabels("role", node.startsWith("gw") ? "gateway" : "compute").endMetadata()
                    // the tunnel endpoint among the Node's addresses: the operator ties a chassis to its Node by it
                    .withNewStatus().addNewAddress().withType("InternalIP")
                    .withAddress(node.startsWith("gw") ? topology.encapIp(node) : "192.168.0.1").endAddress()
                    .endStatus().build()).create();
        }
        gateway = L2GatewayIT.startAgent(topology.gateway("gw1"));
        OvsHost hv1 = topology.hypervisor(1);
        Path kubeconfig = api.writeKubeconfig(testbed.baseDir().resolve("kubeconfig"));
        companion = L2GatewayIT.startAgent(hv1, "--kubeconfig", kubeconfig.toString(), "--node-name", "hv1");
        eventually("gw1, hv1 and hv2 registered", () ->
                central.sbFind("Chassis", "name").containsAll(List.of("gw1", "hv1", "hv2")));
        List<String> chassisRows = central.sbFind("Chassis", "_uuid").stream().sorted().toList();
        // the whole operator, as a cluster runs it: the BridgeMapping controller writes the status looked at here
        operator = Main.RunningOperator.start(OperatorOptions.parse("--ovn-nb-db", central.nbRemote(),
                "--ovn-sb-db", central.sbRemote(), "--kubeconfig", kubeconfig.toString(), "--bind-address",
                "127.0.0.1", "--metrics-port", "0", "--health-port", "0", "--leader-election-identity", "it-companion"),
                java.util.Map.of(), () -> { });

        api.client().resources(BridgeMapping.class).resource(new BridgeMapping("storage", new BridgeMappingSpec(
                new LabelSelectorBuilder().addToMatchLabels("role", "compute").build(),
                List.of(new NetworkMapping("storagenet", "br-storage", null))))).create();
        eventually("BridgeMapping storage Ready on hv1", () -> {
            BridgeMapping bm = api.client().resources(BridgeMapping.class).withName("storage").get();
            BridgeMappingStatus s = bm == null ? null : bm.getStatus();
            return s != null && s.readyNodes() == 1 && s.selectedNodes() == 1 && s.conditions().stream()
                    .anyMatch(c -> c.type().equals(ConditionTypes.READY) && c.isTrue());
        });
        assertTrue(hv1.vsctl("list-br").lines().anyMatch("br-storage"::equals), "the agent made the bridge");
        assertTrue(central.sbctl("get", "Chassis", "hv1", "other_config:ovn-bridge-mappings").contains(
                "storagenet:br-storage"), "ovn-controller publishes the entry the agent added");

        Gateways.create(api.client(), "seed", SeedTopology.SWITCH, SeedTopology.NETWORK, null,
                Gateways.selecting(java.util.Map.of("role", "gateway")));
        Gateways.awaitReady(api.client(), "seed");
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> matrix = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(matrix));
        assertTrue(TrafficMatrix.allPassed(matrix), TrafficMatrix.table(matrix));

        assertEquals(chassisRows, central.sbFind("Chassis", "_uuid").stream().sorted().toList(),
                "no chassis row appeared");
        assertEquals(List.of(), flowLines(hv1.ofctl("dump-flows", "br-int", "cookie=0x6c32677700000000/0xffffffff00000000")),
                "no flow of ours on hv1's br-int");
        assertEquals("", hv1.vsctl("--bare", "--columns=name", "find", "Port",
                "external_ids:ovn-l2gw-owner=node-agent").strip(), "no port of ours on hv1");
        assertFalse(central.sbctl("get", "Chassis", "hv1", "external_ids").contains("ovn-l2gw"));
        assertTrue(central.sbctl("get", "Chassis_Private", "hv1", "external_ids:ovn-l2gw-mode").contains("companion"),
                "the agent on hv1 reports in ovn-controller's Chassis_Private");
    }

    private static List<String> flowLines(String dump) {
        return dump.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("OFPST_FLOW")
                && !l.startsWith("NXST_FLOW")).toList();
    }
}
