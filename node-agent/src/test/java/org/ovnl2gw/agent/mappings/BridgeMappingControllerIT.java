package org.ovnl2gw.agent.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.GatewayHarness;
import org.ovnl2gw.agent.Main;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.api.v1alpha1.NetworkMapping;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * The BridgeMapping controller against the embedded Kubernetes API and a real OVS: bridges, uplinks and
 * ovn-bridge-mappings entries appear and go away with the resources, everyone else's entries stay, a
 * conflict is reported for both resources, and the results are published in our Southbound Chassis row.
 */
class BridgeMappingControllerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Testbed testbed;
    private EmbeddedKubeApi kube;
    private Main.NodeAgent agent;

    @BeforeEach
    void start() {
        testbed = Testbed.create("bmap");
        kube = EmbeddedKubeApi.start(0);
        kube.applyCrds(Path.of(System.getProperty("crds.dir", "../crds")));
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        kube.close();
        testbed.close();
    }

    @Test
    void mappingsFollowTheResourcesAndKeepEveryoneElses() throws Exception {
        OvnCentral central = testbed.startCentral();
        OvsHost node = testbed.addHost("node1", OvsHost.DummyMode.OVERRIDE);
        node.vsctl("set", "Open_vSwitch", ".", "external-ids:system-id=node1",
                "external-ids:ovn-remote=" + central.sbRemote(), "external-ids:ovn-encap-ip=192.168.0.9",
                "external-ids:ovn-bridge-mappings=other:br-other", "external-ids:unrelated=keep-me");
        node.vsctl("add-br", "br-other");
        node.vsctl("add-port", "br-other", "eth9", "--", "set", "Interface", "eth9", "type=dummy");
        kube.client().nodes().resource(new NodeBuilder().withNewMetadata().withName("node1")
                .addToLabels("l2gw.ovn.org/gateway", "true").endMetadata().build()).create();
        Path kubeconfig = kube.writeKubeconfig(testbed.baseDir().resolve("kubeconfig"));
        agent = GatewayHarness.startAgent(node, "--kubeconfig", kubeconfig.toString(), "--node-name", "node1");

        var selector = new LabelSelectorBuilder().addNewMatchExpression().withKey("l2gw.ovn.org/gateway")
                .withOperator("In").withValues("true").endMatchExpression().build();
        // eth1 is someone else's port on another bridge, there before the mapping names it (planted after, it
        // raced the agent, which may already have made it br-phys's uplink): the mapping applies, the uplink does not
        node.vsctl("add-port", "br-other", "eth1", "--", "set", "Interface", "eth1", "type=dummy");
        kube.client().resources(BridgeMapping.class).resource(new BridgeMapping("physnet1",
                new BridgeMappingSpec(selector, List.of(new NetworkMapping("physnet1", "br-phys", "eth1"))))).create();
        eventually(Duration.ofSeconds(30), "the uplink conflict is published", () -> status(central, "physnet1")
                .map(s -> s.get("reason").asText().equals("UplinkConflict")).orElse(false));
        node.vsctl("del-port", "br-other", "eth1");
        eventually(Duration.ofSeconds(30), "physnet1 applied with its uplink", () -> node.vsctl("list-ports", "br-phys").contains("eth1")
                && status(central, "physnet1").map(s -> s.get("ready").asBoolean()).orElse(false));
        assertEquals("other:br-other,physnet1:br-phys", externalId(node, "ovn-bridge-mappings"));
        assertEquals("keep-me", externalId(node, "unrelated"));
        assertEquals("bridge-mapping", node.vsctl("get", "Bridge", "br-phys", "external_ids:ovn-l2gw-owner")
                .strip().replace("\"", ""));
        assertTrue(central.sbctl("get", "Chassis", "node1", "other_config:ovn-bridge-mappings")
                .contains("physnet1:br-phys"));

        kube.client().resources(BridgeMapping.class).resource(new BridgeMapping("conflicting",
                new BridgeMappingSpec(null, List.of(new NetworkMapping("physnet1", "br-elsewhere", null))))).create();
        eventually(Duration.ofSeconds(30), "the conflict is reported for both", () ->
                status(central, "physnet1").map(s -> s.get("reason").asText().equals("NetworkConflict")).orElse(false)
                && status(central, "conflicting").map(s -> s.get("reason").asText().equals("NetworkConflict"))
                        .orElse(false));
        assertEquals("other:br-other", externalId(node, "ovn-bridge-mappings"));
        assertFalse(node.vsctl("list-br").contains("br-elsewhere"));

        kube.client().resources(BridgeMapping.class).withName("conflicting").delete();
        kube.client().resources(BridgeMapping.class).withName("physnet1").delete();
        eventually(Duration.ofSeconds(30), "our bridge and entry are gone, theirs stay", () ->
                !node.vsctl("list-br").contains("br-phys\n") && "other:br-other".equals(externalId(node,
                        "ovn-bridge-mappings")));
        assertTrue(node.vsctl("list-ports", "br-other").contains("eth9"));
        assertEquals("keep-me", externalId(node, "unrelated"));
    }

    private static String externalId(OvsHost node, String key) {
        try {
            return node.vsctl("get", "Open_vSwitch", ".", "external_ids:" + key).strip().replace("\"", "");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static java.util.Optional<JsonNode> status(OvnCentral central, String mapping) {
        try {
            String raw = central.sbctl("--bare", "--columns=other_config", "find", "Chassis", "name=node1");
            int at = raw.indexOf("ovn-l2gw-bridge-mappings-status=");
            if (at < 0) {
                return java.util.Optional.empty();
            }
            String json = central.sbctl("get", "Chassis", "node1", "other_config:ovn-l2gw-bridge-mappings-status");
            JsonNode parsed = JSON.readTree(JSON.readTree(json.strip()).asText());
            return java.util.Optional.ofNullable(parsed.get(mapping));
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }
}
