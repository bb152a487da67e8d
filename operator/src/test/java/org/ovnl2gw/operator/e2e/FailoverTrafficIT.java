package org.ovnl2gw.operator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.Main;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.l2gateway.L2GatewaySettings;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * The seed topology with two gateway hosts, each with its own node agent: the operator bridges lsw0 through
 * the preferred gw1 and the seed matrix passes; then gw1's agent dies while gw1's Open vSwitch lives on (the
 * harder case than a whole node crashing: its flows are still there) and the port moves to gw2, where
 * traffic resumes. gw1's flow lease expires, so the matrix afterwards also shows no frame delivered twice.
 * Prints the time from the kill to the first frame delivered again.
 */
class FailoverTrafficIT {
    private Testbed testbed;
    private Main.NodeAgent agent1;
    private Main.NodeAgent agent2;
    private EmbeddedKubeApi api;
    private OperatorUnderTest operator;

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
    void gatewayMovesToTheNextEligibleNodeWhenItsNodeDiesAndTrafficResumes() throws Exception {
        testbed = Testbed.create("failover");
        SeedTopology topology = SeedTopology.build(testbed, List.of("gw1", "gw2"), true);
        OvnCentral central = topology.central();
        // the lease matches the operator's failover timeout below, as the defaults (6 s and 6 s) do
        agent1 = L2GatewayIT.startAgent(topology.gateway("gw1"), "--flow-lease", "2");
        agent2 = L2GatewayIT.startAgent(topology.gateway("gw2"), "--flow-lease", "2");
        Gateways.eventually("both gateways registered", () ->
                central.sbFind("Chassis", "name").containsAll(List.of("gw1", "gw2")));
        api = EmbeddedKubeApi.start(0);
        api.applyCrds(Path.of("..", "crds"));
        KubernetesClient client = api.client();
        Gateways.createNode(client, "gw1", topology.encapIp("gw1"));
        Gateways.createNode(client, "gw2", topology.encapIp("gw2"));
        L2GatewaySettings settings = L2GatewaySettings.defaults().withFailoverTimeout(Duration.ofSeconds(2));
        operator = OperatorUnderTest.start(api, central.nbRemote(), central.sbRemote(), settings);

        Gateways.create(client, "seed", SeedTopology.SWITCH, SeedTopology.NETWORK, null, Gateways.preferring("gw1"));
        assertEquals("gw1", Gateways.awaitReady(client, "seed").getStatus().gatewayNode());
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> before = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(before));
        assertTrue(TrafficMatrix.allPassed(before), TrafficMatrix.table(before));

        long killed = System.nanoTime();
        agent1.close();
        agent1 = null;
        long resumed = firstProbeDelivered(topology);
        System.out.printf("failover: kill of gw1 to first frame delivered through gw2: %d ms%n",
                (resumed - killed) / 1_000_000);

        Gateways.eventually("the status names gw2", () -> "gw2".equals(client.resources(L2Gateway.class)
                .withName("seed").get().getStatus().gatewayNode()));
        L2Gateway moved = Gateways.awaitReady(client, "seed");
        assertEquals("gw2", moved.getStatus().gatewayNode());
        assertTrue(moved.getStatus().conditions().stream().anyMatch(c -> c.message() != null
                && c.message().contains("moved from gw1")), moved.getStatus().toString());
        assertEquals("gw2", central.nbctl("get", "Logical_Switch_Port", "l2gw-seed", "options:l2gateway-chassis")
                .strip().replace("\"", ""));
        central.nbctl("--wait=sb", "sync");
        List<TrafficMatrix.CaseResult> after = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(after));
        assertTrue(TrafficMatrix.allPassed(after), TrafficMatrix.table(after));
    }

    /**
     * Sends vif1 -> vif3 unicast probes every 50 ms until one reaches the physical network through gw2 (gw1's
     * switch still forwards what reaches it while the port is bound there); returns when it was seen.
     */
    private static long firstProbeDelivered(SeedTopology topology) throws InterruptedException {
        Path throughGw2 = topology.physical().framesFrom(topology.gateway("gw2"), topology.physicalBridge());
        int seen = PcapFile.frames(throughGw2).size();
        long deadline = System.nanoTime() + Gateways.DEADLINE.toNanos();
        int n = 0;
        while (System.nanoTime() < deadline) {
            topology.hypervisor(1).appctl("netdev-dummy/receive", "vif1",
                    "f00000000003" + "f00000000001" + String.format("%04x", 0x0900 + (n++ % 0xff)));
            Thread.sleep(50);
            if (PcapFile.frames(throughGw2).size() > seen) {
                return System.nanoTime();
            }
        }
        throw new AssertionError("no probe frame crossed gw2 after the failover");
    }
}
