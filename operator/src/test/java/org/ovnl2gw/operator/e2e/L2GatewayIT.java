package org.ovnl2gw.operator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ovnl2gw.agent.AgentOptions;
import org.ovnl2gw.agent.Main;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.l2gateway.L2GatewaySettings;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.operator.l2gateway.ChassisIdentityCheck;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * The L2Gateway side against an embedded Kubernetes API, real NB/SB ovsdb-server and ovn-northd, and our node
 * agent as chassis gw1 (seed topology). One testbed for the class; the tests run in order and build on each
 * other's state, as a user's session would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class L2GatewayIT {
    private static Testbed testbed;
    private static OvnCentral central;
    private static Main.NodeAgent agent;
    private static EmbeddedKubeApi api;
    private static OperatorUnderTest operator;
    private static KubernetesClient client;
    private static final L2GatewaySettings SETTINGS = L2GatewaySettings.defaults()
            .withFailoverTimeout(Duration.ofSeconds(3))
            .withOrphanGracePeriod(Duration.ofSeconds(1), Duration.ofSeconds(1))
            .withProgressDeadline(Duration.ofSeconds(5));

    @BeforeAll
    static void start() throws Exception {
        testbed = Testbed.create("l2gwit");
        try {
            SeedTopology topology = SeedTopology.build(testbed, List.of("gw1"), true);
            central = topology.central();
            central.nbctl("ls-add", "lsw1");
            agent = startAgent(topology.gateway("gw1"));
            eventually("gw1 registered", () -> central.sbFind("Chassis", "name").contains("gw1"));
            api = EmbeddedKubeApi.start(0);
            api.applyCrds(Path.of("..", "crds"));
            client = api.client();
            Gateways.createNode(client, "gw1", topology.encapIp("gw1"));
            operator = OperatorUnderTest.start(api, central.nbRemote(), central.sbRemote(), SETTINGS);
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    static Main.NodeAgent startAgent(OvsHost host, String... extra) throws InterruptedException {
        Main.NodeAgent started = Main.NodeAgent.start(AgentOptions.parse(host.agentArguments(extra)));
        assertTrue(started.awaitLocalDatabase(Duration.ofSeconds(20)));
        return started;
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        if (api != null) {
            api.close();
        }
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    /** What a refused spec must leave alone: every switch, l2gateway-relevant port and binding. */
    private static String ovnDump() {
        // one CSV line per row, sorted: ovsdb lists rows in no stable order
        return Stream.of(central.nbctl("--format=csv", "--no-headings", "--data=bare", "--columns=_uuid,name,ports",
                        "list", "Logical_Switch"),
                central.nbctl("--format=csv", "--no-headings", "--data=bare",
                        "--columns=_uuid,name,type,options,tag_request,external_ids", "list", "Logical_Switch_Port"),
                central.sbctl("--format=csv", "--no-headings", "--data=bare", "--columns=_uuid,logical_port,chassis,up",
                        "list", "Port_Binding"))
                .flatMap(String::lines).sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    @Order(1)
    void appliedGatewayGetsItsRowsAndBecomesReadyOnTheNodeThatProvidesTheNetwork() throws Exception {
        Gateways.create(client, "seed", SeedTopology.SWITCH, SeedTopology.NETWORK, null, null);
        L2Gateway ready = Gateways.awaitReady(client, "seed");

        assertEquals("gw1", ready.getStatus().gatewayNode());
        assertEquals("l2gw-seed", ready.getStatus().logicalPort());
        assertEquals(1L, ready.getStatus().observedGeneration());
        assertEquals(ConditionTypes.L2GATEWAY.size(), ready.getStatus().conditions().size());
        assertEquals(List.of("l2gateway"), central.nbFind("Logical_Switch_Port", "type", "name=l2gw-seed"));
        assertEquals(List.of("unknown"), central.nbFind("Logical_Switch_Port", "addresses", "name=l2gw-seed"));
        assertEquals("gw1", central.nbctl("get", "Logical_Switch_Port", "l2gw-seed", "options:l2gateway-chassis").strip()
                .replace("\"", ""));
        assertEquals(SeedTopology.NETWORK, central.nbctl("get", "Logical_Switch_Port", "l2gw-seed",
                "options:network_name").strip().replace("\"", ""));
        assertEquals("{ovn-l2gw-owner=operator, ovn-l2gw-resource=seed}",
                central.nbctl("get", "Logical_Switch_Port", "l2gw-seed", "external_ids").strip());
        String portUuid = central.nbctl("get", "Logical_Switch_Port", "l2gw-seed", "_uuid").strip();
        assertTrue(central.nbctl("get", "Logical_Switch", SeedTopology.SWITCH, "ports").contains(portUuid));
        String gw1 = central.sbFind("Chassis", "_uuid", "name=gw1").get(0);
        assertEquals(List.of(gw1), central.sbFind("Port_Binding", "chassis", "logical_port=l2gw-seed"));
        assertEquals(List.of("true"), central.sbFind("Port_Binding", "up", "logical_port=l2gw-seed"));
        // on its way to Ready a gateway waits for ovn-northd and the agent: steps, not problems
        eventually("a Normal Ready Event about seed", () -> eventsAbout("seed").stream()
                .anyMatch(e -> e.startsWith("Normal ReadyWithoutStandby")));
        assertEquals(List.of(), eventsAbout("seed").stream().filter(e -> e.startsWith("Warning")).toList());
    }

    private static List<String> eventsAbout(String name) {
        return Gateways.eventsAbout(client, name);
    }

    @Test
    @Order(2)
    void everyRefusedSpecGetsItsReasonAndChangesNothingInOvn() throws Exception {
        central.nbctl("lsp-add", "lsw1", "l2gw-taken", "--", "lsp-set-type", "l2gw-taken", "l2gateway");
        central.nbctl("--wait=sb", "sync");
        String before = ovnDump();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        // the schema refuses these two; the operator must refuse them as well, should they get past it
        Gateways.create(api.schemaLessClient(), "bad-vlan", "lsw1", SeedTopology.NETWORK, 5000, null);
        expected.put("bad-vlan", "InvalidSpec");
        Gateways.create(api.schemaLessClient(), "bad-network", "lsw1", "phys net", 7, null);
        expected.put("bad-network", "InvalidSpec");
        Gateways.create(client, "no-switch", "lsw-missing", SeedTopology.NETWORK, 8, null);
        expected.put("no-switch", "LogicalSwitchNotFound");
        Gateways.create(client, "twice", SeedTopology.SWITCH, SeedTopology.NETWORK, null, null);
        expected.put("twice", "DuplicateBridge");
        Gateways.create(client, "loop", "lsw1", SeedTopology.NETWORK, null, null);
        expected.put("loop", "NetworkVlanInUse");
        Gateways.create(client, "taken", "lsw1", SeedTopology.NETWORK, 9, null);
        expected.put("taken", "PortNameTaken");
        Gateways.create(client, "nobody", "lsw1", "physnet-nobody", null, null);
        expected.put("nobody", "NetworkUnavailable");
        Gateways.create(client, "unselected", "lsw1", SeedTopology.NETWORK, 11,
                Gateways.selecting(Map.of("l2gw.ovn.org/gateway", "true")));
        expected.put("unselected", "NoEligibleNode");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            L2Gateway refused = Gateways.awaitReason(client, e.getKey(), ConditionTypes.READY, e.getValue());
            assertEquals("False", org.ovnl2gw.api.v1alpha1.Conditions.find(refused.getStatus().conditions(),
                    ConditionTypes.READY).orElseThrow().status(), e.getKey());
            System.out.println(e.getKey() + ": " + org.ovnl2gw.api.v1alpha1.Conditions.find(
                    refused.getStatus().conditions(), ConditionTypes.READY).orElseThrow().message());
        }
        assertEquals(before, ovnDump(), "refused specs must not change OVN");
        for (String name : expected.keySet()) {
            client.resources(L2Gateway.class).withName(name).delete();
        }
        eventually("refused gateways are gone", () -> expected.keySet().stream()
                .allMatch(n -> Gateways.get(client, n).isEmpty()));
        assertEquals(before, ovnDump(), "deleting refused gateways must not change OVN");
        central.nbctl("lsp-del", "l2gw-taken");
    }

    @Test
    @Order(3)
    void operatorRestartedMidwayConvergesWithoutDuplicateRows() throws Exception {
        Gateways.create(client, "midway", "lsw1", SeedTopology.NETWORK, 10, null);
        eventually("midway's port is written", () ->
                !central.nbFind("Logical_Switch_Port", "_uuid", "name=l2gw-midway").isEmpty());
        operator.close();
        operator = OperatorUnderTest.start(api, central.nbRemote(), central.sbRemote(), SETTINGS);
        Gateways.awaitReady(client, "midway");
        assertEquals(1, central.nbFind("Logical_Switch_Port", "_uuid", "name=l2gw-midway").size());
        assertEquals(1, central.sbFind("Port_Binding", "_uuid", "logical_port=l2gw-midway").size());
        Gateways.awaitReady(client, "seed");
        assertEquals(1, central.nbFind("Logical_Switch_Port", "_uuid", "name=l2gw-seed").size());
    }

    @Test
    @Order(4)
    void portOfAGatewayDeletedWhileTheOperatorWasDownIsCollected() throws Exception {
        operator.close();
        client.resources(L2Gateway.class).withName("midway").edit(g -> {
            ObjectMeta meta = g.getMetadata();
            meta.setFinalizers(List.of());
            return g;
        });
        client.resources(L2Gateway.class).withName("midway").delete();
        eventually("midway is gone", () -> Gateways.get(client, "midway").isEmpty());
        assertEquals(1, central.nbFind("Logical_Switch_Port", "_uuid", "name=l2gw-midway").size());
        operator = OperatorUnderTest.start(api, central.nbRemote(), central.sbRemote(), SETTINGS);
        eventually("the orphaned port is removed", () ->
                central.nbFind("Logical_Switch_Port", "_uuid", "name=l2gw-midway").isEmpty());
        assertEquals(1, central.nbFind("Logical_Switch_Port", "_uuid", "name=l2gw-seed").size());
    }

    @Test
    @Order(5)
    void deleteRemovesOnlyOurRows() throws Exception {
        List<String> othersBefore = otherRows();
        client.resources(L2Gateway.class).withName("seed").delete();
        eventually("seed is gone", () -> Gateways.get(client, "seed").isEmpty());
        eventually("its Port_Binding is gone", () ->
                central.sbFind("Port_Binding", "_uuid", "type=l2gateway").isEmpty());
        assertEquals(List.of(), central.nbFind("Logical_Switch_Port", "_uuid", "external_ids:ovn-l2gw-owner=operator"));
        assertEquals(othersBefore, otherRows());
    }

    @Test
    @Order(6)
    void aChassisClaimingAnotherNodeIsNeverChosenAndIsReported() throws Exception {
        // what any chassis certificate lets one write: its own Chassis row, saying it is node gw1, providing the
        // network gw1 provides and one only it provides (gw1's own encap address it cannot take: Encap's
        // (type, ip) is unique)
        central.sbctl("chassis-add", "evil", "geneve", "192.168.0.99");
        central.sbctl("set", "Chassis", "evil", "external_ids:ovn-l2gw-owner=node-agent", "other_config:ovn-l2gw-node=gw1",
                "other_config:ovn-bridge-mappings=physnet-evil:br-evil," + SeedTopology.NETWORK + ":br-phys2");
        try {
            Gateways.create(client, "impostor", "lsw1", "physnet-evil", null, null);
            L2Gateway refused = Gateways.awaitReason(client, "impostor", ConditionTypes.READY,
                    ChassisIdentityCheck.MISMATCH);
            String message = org.ovnl2gw.api.v1alpha1.Conditions.find(refused.getStatus().conditions(),
                    ConditionTypes.READY).orElseThrow().message();
            System.out.println("impostor: " + message);
            assertTrue(message.contains("only chassis that fail the identity check provide network physnet-evil: chassis evil is "
                    + "tied to no Node: there is no Node named evil"),
                    message);
            Gateways.create(client, "honest", "lsw1", SeedTopology.NETWORK, 12, Gateways.preferring("gw1"));
            assertEquals("gw1", Gateways.awaitReady(client, "honest").getStatus().gatewayNode());
            assertEquals("gw1", central.nbctl("get", "Logical_Switch_Port", "l2gw-honest", "options:l2gateway-chassis")
                    .strip().replace("\"", ""), "the chassis of node gw1, never the one claiming to be it");
            eventually("a ChassisIdentityMismatch Event about Node gw1", () -> client.v1().events().inAnyNamespace()
                    .list().getItems().stream().anyMatch(e -> "Node".equals(e.getInvolvedObject().getKind())
                            && "gw1".equals(e.getInvolvedObject().getName())
                            && ChassisIdentityCheck.MISMATCH.equals(e.getReason())
                            && e.getMessage().startsWith("chassis evil is tied to no Node")));
        } finally {
            for (String name : List.of("impostor", "honest")) {
                client.resources(L2Gateway.class).withName(name).delete();
            }
            central.sbctl("chassis-del", "evil");
        }
    }

    /** The rows we do not own, one line each, sorted (ovsdb prints rows in no stable order). */
    private static List<String> otherRows() {
        List<String> rows = new java.util.ArrayList<>();
        rows.addAll(central.nbctl("--format=csv", "--no-headings", "--data=bare", "--columns=_uuid,name", "find",
                "Logical_Switch_Port", "type!=l2gateway").lines().map(l -> "NB " + l).toList());
        rows.addAll(central.sbctl("--format=csv", "--no-headings", "--data=bare", "--columns=_uuid,logical_port",
                "find", "Port_Binding", "type!=l2gateway").lines().map(l -> "SB " + l).toList());
        rows.sort(null);
        return rows;
    }

    @Test
    @Order(7)
    void aGatewayStuckWaitingForOvnNorthdSaysSoInAWarningOnceItIsOverdue() throws Exception {
        central.northd().pause();
        try {
            Gateways.create(client, "stalled", "lsw1", SeedTopology.NETWORK, 13, null);
            Gateways.awaitReason(client, "stalled", ConditionTypes.READY, "WaitingForPortBinding");
            eventually("a Normal WaitingForPortBinding Event about stalled", () -> eventsAbout("stalled").stream()
                    .anyMatch(e -> e.startsWith("Normal WaitingForPortBinding")));
            assertEquals(List.of(), eventsAbout("stalled").stream().filter(e -> e.startsWith("Warning")).toList(),
                    "not yet overdue");
            eventually("a Warning once the 5 s progress deadline has passed", () -> eventsAbout("stalled").stream()
                    .anyMatch(e -> e.startsWith("Warning WaitingForPortBinding not Ready after 5 s: Northbound port"
                            + " l2gw-stalled written; waiting for ovn-northd")));
        } finally {
            central.northd().resume();
        }
        assertEquals("gw1", Gateways.awaitReady(client, "stalled").getStatus().gatewayNode());
        assertEquals(1, eventsAbout("stalled").stream().filter(e -> e.startsWith("Warning")).count(),
                "one Warning for the one wait: " + eventsAbout("stalled"));
        client.resources(L2Gateway.class).withName("stalled").delete();
        eventually("stalled's port deleted", () -> central.nbFind("Logical_Switch_Port", "name",
                "name=l2gw-stalled").isEmpty());
    }
}
