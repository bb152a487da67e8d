package org.ovnl2gw.operator.e2e;

import static org.ovnl2gw.testbed.Eventually.eventually;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ovnl2gw.agent.Main;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.l2gateway.L2GatewaySettings;
import org.ovnl2gw.testbed.Eventually;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * The failover set-up shared by {@link GatewayFailoverIT} and {@link FailoverBenchmark}: the seed topology with
 * gateway hosts gw1 and gw2, each with its own node agent (default settings but a 0.5 s heartbeat), the operator
 * (failover timeout 2 s) bridging lsw0 untagged through the preferred gw1 with gw2 standing by, and the faults a
 * gateway node can suffer, each by pid.
 */
final class FailoverBed implements AutoCloseable {
    static final String GATEWAY = "seed";

    final Testbed testbed;
    final SeedTopology topology;
    final OvnCentral central;
    final EmbeddedKubeApi api;
    final KubernetesClient client;
    private final Map<String, Main.NodeAgent> agents = new LinkedHashMap<>();
    private final java.util.Set<String> companions = new java.util.HashSet<>();
    private L2GatewaySettings settings = L2GatewaySettings.defaults().withFailoverTimeout(Duration.ofSeconds(2));
    private OperatorUnderTest operator;

    private FailoverBed(String name) throws Exception {
        testbed = Testbed.create(name);
        topology = SeedTopology.build(testbed, List.of("gw1", "gw2"), true);
        central = topology.central();
        api = EmbeddedKubeApi.start(0);
        client = api.client();
    }

    /** Everything up, Ready on gw1 with gw2 standing by and BFD between them forwarding, the matrix passing. */
    static FailoverBed start(String name) throws Exception {
        FailoverBed bed = new FailoverBed(name);
        try {
            bed.startAgent("gw1");
            bed.startAgent("gw2");
            eventually("both gateways registered", () ->
                    bed.central.sbFind("Chassis", "name").containsAll(List.of("gw1", "gw2")));
            bed.api.applyCrds(Files.isDirectory(Path.of("..", "crds")) ? Path.of("..", "crds") : Path.of("crds"));
            for (String gw : List.of("gw1", "gw2")) {
                Gateways.createNode(bed.client, gw, bed.topology.encapIp(gw));
            }
            bed.startOperator();
            Gateways.create(bed.client, GATEWAY, SeedTopology.SWITCH, SeedTopology.NETWORK, null,
                    Gateways.preferring("gw1"));
            bed.awaitActive("gw1", List.of("gw2"));
            bed.central.nbctl("--wait=hv", "sync");
            eventually("BFD between gw1 and gw2 forwards", () -> bed.bfdForwards("gw2", "gw1")
                    && bed.bfdForwards("gw1", "gw2"));
            List<TrafficMatrix.CaseResult> matrix = new TrafficMatrix(bed.topology).run(0);
            if (!TrafficMatrix.allPassed(matrix)) {
                throw new AssertionError("the seed matrix before any fault:\n" + TrafficMatrix.table(matrix));
            }
            return bed;
        } catch (Exception | AssertionError e) {
            bed.close();
            throw e;
        }
    }

    /**
     * The mixed bed: gw1 an agent-only gateway as above, gw2 a node where ovn-controller is the chassis and our
     * agent runs beside it (companion mode). No BFD runs between them, so moves to and from gw2 are the
     * operator's, after its failover timeout (4 s here: gw1's flow lease of 2 s, plus OVS's one-second expiry
     * sweep, plus a heartbeat, end before it). Ready on gw1 with gw2 standing by, the matrix passing.
     */
    static FailoverBed startMixed(String name) throws Exception {
        FailoverBed bed = new FailoverBed(name);
        try {
            bed.settings = L2GatewaySettings.defaults().withFailoverTimeout(Duration.ofSeconds(4));
            bed.companions.add("gw2");
            bed.startAgent("gw1");
            bed.startNodeSoftware("gw2");
            eventually("both gateways registered, gw2 by ovn-controller", () ->
                    bed.central.sbFind("Chassis", "name").containsAll(List.of("gw1", "gw2"))
                    && bed.central.sbFind("Chassis_Private", "name", "external_ids:ovn-l2gw-mode=companion")
                            .contains("gw2"));
            bed.api.applyCrds(Files.isDirectory(Path.of("..", "crds")) ? Path.of("..", "crds") : Path.of("crds"));
            for (String gw : List.of("gw1", "gw2")) {
                Gateways.createNode(bed.client, gw, bed.topology.encapIp(gw)); // chassis are tied to their Nodes
            }
            bed.startOperator();
            Gateways.create(bed.client, GATEWAY, SeedTopology.SWITCH, SeedTopology.NETWORK, null,
                    Gateways.preferring("gw1"));
            bed.awaitActive("gw1", List.of("gw2"));
            bed.central.nbctl("--wait=hv", "sync");
            List<TrafficMatrix.CaseResult> matrix = new TrafficMatrix(bed.topology).run(0);
            if (!TrafficMatrix.allPassed(matrix)) {
                throw new AssertionError("the seed matrix before any fault:\n" + TrafficMatrix.table(matrix));
            }
            return bed;
        } catch (Exception | AssertionError e) {
            bed.close();
            throw e;
        }
    }

    /** ovn-controller (on a companion node) and then our agent; on an agent-only node just the agent. */
    private void startNodeSoftware(String gw) throws InterruptedException {
        if (companions.contains(gw)) {
            topology.gateway(gw).startOvnController();
            eventually(gw + " registered by ovn-controller", () ->
                    central.sbFind("Chassis", "name").contains(gw));
        }
        startAgent(gw);
    }

    boolean bfdForwards(String on, String to) {
        return topology.gateway(on).vsctl("--bare", "--columns=bfd_status", "find", "Interface",
                "external_ids:ovn-chassis-id=" + to).contains("forwarding=true");
    }

    void startAgent(String gw) throws InterruptedException {
        agents.put(gw, companions.isEmpty() ? L2GatewayIT.startAgent(topology.gateway(gw))
                : L2GatewayIT.startAgent(topology.gateway(gw), "--fence-lease", "2"));
    }

    /** The agent exits as if killed (nothing withdrawn); returns when it has gone. */
    void killAgent(String gw) {
        Optional.ofNullable(agents.remove(gw)).ifPresent(Main.NodeAgent::close);
    }

    /**
     * The whole node dies at once: ovs-vswitchd and ovsdb-server SIGKILLed, the agent stopped in the background
     * (it would die with the node). Returns the moment of the kill (System.nanoTime).
     */
    long killNode(String gw) {
        OvsHost host = topology.gateway(gw);
        long killed = System.nanoTime();
        host.vswitchd().kill();
        host.ovsdb().daemon().kill();
        host.ovnController().ifPresent(c -> c.kill());
        Main.NodeAgent agent = agents.remove(gw);
        if (agent != null) {
            dying = CompletableFuture.runAsync(agent::close);
        }
        return killed;
    }

    private CompletableFuture<Void> dying = CompletableFuture.completedFuture(null);

    /** The node boots again: its databases, its switch (with its transport address), its agent. */
    void restoreNode(String gw) throws Exception {
        dying.get(30, TimeUnit.SECONDS);
        OvsHost host = topology.gateway(gw);
        host.ovsdb().daemon().restart();
        host.startVswitchd();
        testbed.restoreTransport(host);
        startNodeSoftware(gw);
    }

    void startOperator() throws InterruptedException {
        operator = OperatorUnderTest.start(api, central.nbRemote(), central.sbRemote(), settings);
    }

    void stopOperator() {
        if (operator != null) {
            operator.close();
            operator = null;
        }
    }

    L2Gateway gateway() {
        return Gateways.get(client, GATEWAY).orElseThrow();
    }

    static boolean ready(L2Gateway g) {
        return g.getStatus() != null && g.getStatus().conditions().stream()
                .anyMatch(c -> c.type().equals(ConditionTypes.READY) && c.isTrue());
    }

    boolean isActive(String node) {
        return Gateways.get(client, GATEWAY).filter(g -> ready(g) && node.equals(g.getStatus().gatewayNode()))
                .isPresent();
    }

    void awaitActive(String node) throws InterruptedException {
        eventually(Eventually.CONVERGENCE, () -> "Ready on " + node + " (now " + gateway().getStatus() + ")", () -> isActive(node));
    }

    void awaitActive(String node, List<String> standby) throws InterruptedException {
        eventually(Eventually.CONVERGENCE, () -> "Ready on " + node + ", standby " + standby + " (now " + gateway().getStatus() + ")",
                () -> isActive(node) && gateway().getStatus().standbyNodes().equals(standby));
    }

    /** The other of the two gateway nodes. */
    static String otherGateway(String gw) {
        return gw.equals("gw1") ? "gw2" : "gw1";
    }

    /**
     * After a node or agent came back: waits until {@code serving} is Ready with {@code standby} standing by and
     * BFD forwards both ways between them, then 3 s more, because BFD runs at 1 s until a session is up and at its
     * interval only after that (a real node has been up a while before the next fault).
     */
    void awaitSettled(String serving, String standby) throws InterruptedException {
        awaitActive(serving, List.of(standby));
        eventually("BFD up again", () -> bfdForwards(serving, standby) && bfdForwards(standby, serving));
        Thread.sleep(3000);
    }

    /**
     * Starts polling, on a thread of its own, until {@code node} is the Ready gateway node; completes with the
     * moment it saw that (System.nanoTime). Start it before a fault, so that the time a fault takes to inflict
     * (waiting for killed processes to be gone) is not counted.
     */
    java.util.concurrent.CompletableFuture<Long> watchActive(String node) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return when(() -> isActive(node), Eventually.CONVERGENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Polls until {@code condition} holds, every 10 ms; returns the moment it did (System.nanoTime). */
    static long when(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit);
            }
            Thread.sleep(10);
        }
        return System.nanoTime();
    }

    @Override
    public void close() {
        stopOperator();
        api.close();
        agents.values().forEach(Main.NodeAgent::close);
        agents.clear();
        try {
            dying.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the node is gone anyway
        }
        testbed.close();
    }
}
