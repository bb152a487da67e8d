package org.ovnl2gw.operator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.Main;

import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.e2e.ContinuousProbes.Direction;
import org.ovnl2gw.operator.l2gateway.L2GatewaySettings;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * Failover through real processes: the seed topology with two gateway hosts, each with its own node agent, the
 * operator bridging lsw0 through the preferred gw1 with gw2 standing by, numbered probes crossing the gateway in
 * both directions every 20 ms. The physical network is a learning switch (OVS NORMAL). Prints the figures
 * (kill to first frame per direction, kill to Ready); asserts only what a user sees: delivery, duplicates, status.
 */
class GatewayFailoverIT {
    private static final long PROBE_INTERVAL_MS = 20;

    private Testbed testbed;
    private SeedTopology topology;
    private OvnCentral central;
    private Main.NodeAgent agent1;
    private Main.NodeAgent agent2;
    private EmbeddedKubeApi api;
    private OperatorUnderTest operator;
    private KubernetesClient client;

    @BeforeEach
    void bridgeThroughGw1WithGw2StandingBy() throws Exception {
        testbed = Testbed.create("failover");
        topology = SeedTopology.build(testbed, List.of("gw1", "gw2"), true);
        central = topology.central();
        agent1 = L2GatewayIT.startAgent(topology.gateway("gw1"));
        agent2 = L2GatewayIT.startAgent(topology.gateway("gw2"));
        Gateways.eventually("both gateways registered", () ->
                central.sbFind("Chassis", "name").containsAll(List.of("gw1", "gw2")));
        api = EmbeddedKubeApi.start(0);
        api.applyCrds(Path.of("..", "crds"));
        client = api.client();
        operator = OperatorUnderTest.start(api, central.nbRemote(), central.sbRemote(), settings());
        Gateways.create(client, "seed", SeedTopology.SWITCH, SeedTopology.NETWORK, null, Gateways.preferring("gw1"));
        Gateways.eventually("Ready on gw1 with gw2 standing by", () -> Gateways.get(client, "seed")
                .filter(g -> g.getStatus() != null && "gw1".equals(g.getStatus().gatewayNode())
                        && g.getStatus().standbyNodes().equals(List.of("gw2"))
                        && g.getStatus().conditions().stream().anyMatch(c -> c.type().equals("Ready") && c.isTrue()))
                .isPresent());
        central.nbctl("--wait=hv", "sync");
        Gateways.eventually("BFD between gw1 and gw2 forwards", () -> topology.gateway("gw2")
                .vsctl("--bare", "--columns=bfd_status", "find", "Interface", "external_ids:ovn-chassis-id=gw1")
                .contains("forwarding=true"));
        List<TrafficMatrix.CaseResult> before = new TrafficMatrix(topology).run(0);
        assertTrue(TrafficMatrix.allPassed(before), TrafficMatrix.table(before));
    }

    private static L2GatewaySettings settings() {
        return L2GatewaySettings.defaults().withFailoverTimeout(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
        if (api != null) {
            api.close();
        }
        for (Main.NodeAgent a : new Main.NodeAgent[] {agent1, agent2}) {
            if (a != null) {
                a.close();
            }
        }
        testbed.close();
    }

    @Test
    void nodeDeathMovesTrafficToTheStandbyAndItsReturnCostsNoFrame() throws Exception {
        // vif2 speaks once, so the physical switch learns its MAC behind gw1, then stays silent
        topology.hypervisor(2).appctl("netdev-dummy/receive", "vif2", "f00000000003" + "f00000000002" + "0802");
        Thread.sleep(500);
        ContinuousProbes probes = new ContinuousProbes(topology, PROBE_INTERVAL_MS);
        Thread.sleep(1000);
        OvsHost gw1 = topology.gateway("gw1");
        long killed = System.nanoTime();
        gw1.vswitchd().kill();
        gw1.ovsdb().daemon().kill();
        Main.NodeAgent dying = agent1;
        agent1 = null;
        java.util.concurrent.CompletableFuture<Void> agentGone = java.util.concurrent.CompletableFuture.runAsync(dying::close);
        Gateways.eventually("Ready on gw2", () -> Gateways.get(client, "seed").filter(g -> g.getStatus() != null
                && "gw2".equals(g.getStatus().gatewayNode()) && ready(g)).isPresent());
        long readyMs = (System.nanoTime() - killed) / 1_000_000;
        agentGone.get(30, java.util.concurrent.TimeUnit.SECONDS);
        Thread.sleep(2000);
        long toPhysical = probes.firstDeliveredAfter(Direction.TO_PHYSICAL, killed);
        long toOverlay = probes.firstDeliveredAfter(Direction.TO_OVERLAY, killed);
        System.out.printf("failover (node death): kill to first frame overlay->physical %d ms, physical->overlay %d ms,"
                + " kill to Ready on gw2 %d ms%n", toPhysical, toOverlay, readyMs);
        assertTrue(toPhysical >= 0 && toOverlay >= 0, "traffic resumed both ways through gw2");
        L2Gateway moved = Gateways.get(client, "seed").orElseThrow();
        assertTrue(moved.getStatus().conditions().stream().anyMatch(c -> c.message() != null
                && c.message().contains("moved from gw1")), moved.getStatus().toString());

        // the silent VM is reachable from the physical network at once: gw2 announced its MAC
        Path vif2 = topology.hypervisor(2).rundir().resolve("vif2-tx.pcap");
        int seen = PcapFile.frames(vif2).size();
        topology.hypervisor(3).appctl("netdev-dummy/receive", "vif3", "f00000000002" + "f00000000003" + "0803");
        Gateways.eventually("unicast from the physical network reached the silent vif2", () ->
                PcapFile.frames(vif2).size() > seen);

        // gw1 comes back: it stands by, the port stays on gw2, and no frame is lost or duplicated
        long returning = System.nanoTime();
        gw1.ovsdb().daemon().restart();
        gw1.startVswitchd();
        agent1 = L2GatewayIT.startAgent(gw1);
        Gateways.eventually("gw1 stands by again", () -> Gateways.get(client, "seed").filter(g -> g.getStatus() != null
                && g.getStatus().standbyNodes().equals(List.of("gw1"))).isPresent());
        Thread.sleep(3000);
        long returned = System.nanoTime();
        probes.close();
        for (Direction d : Direction.values()) {
            assertEquals(0, probes.lostBetween(d, returning, returned), d + ": frames lost while gw1 came back");
            assertEquals(List.of(), probes.duplicates(d), d + ": frames delivered twice");
        }
        assertEquals("gw2", Gateways.get(client, "seed").orElseThrow().getStatus().gatewayNode());
        List<TrafficMatrix.CaseResult> after = new TrafficMatrix(topology).run(0);
        assertTrue(TrafficMatrix.allPassed(after), TrafficMatrix.table(after));
    }

    @Test
    void agentDeathAloneKeepsTrafficFlowingWithNoFrameLostOrDuplicated() throws Exception {
        ContinuousProbes probes = new ContinuousProbes(topology, PROBE_INTERVAL_MS);
        Thread.sleep(1000);
        long killed = System.nanoTime();
        agent1.close();
        agent1 = null;
        Gateways.awaitReason(client, "seed", ConditionTypes.READY, "AgentNotReporting");
        Thread.sleep(3000);
        long until = System.nanoTime();
        probes.close();
        for (Direction d : Direction.values()) {
            assertEquals(0, probes.lostBetween(d, killed, until), d + ": frames lost after the agent died");
            assertEquals(List.of(), probes.duplicates(d), d + ": frames delivered twice");
        }
        L2Gateway gateway = Gateways.get(client, "seed").orElseThrow();
        assertEquals("gw1", gateway.getStatus().gatewayNode(), "no move: gw1's switch still forwards");
        agent1 = L2GatewayIT.startAgent(topology.gateway("gw1"));
        Gateways.awaitReason(client, "seed", ConditionTypes.READY, "Ready");
    }

    private static boolean ready(L2Gateway g) {
        return g.getStatus().conditions().stream().anyMatch(c -> c.type().equals(ConditionTypes.READY) && c.isTrue());
    }

}
