package org.ovnl2gw.sandbox;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.testbed.ImageJvmFlags;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TestbedException;
import org.ovnl2gw.testbed.TrafficMatrix;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * Brings the whole system up step by step, saying what it does, and takes it all down again. The names
 * are a small cluster's: gateway nodes worker-1 and worker-2 (labelled {@code l2gw.ovn.org/gateway=true}),
 * one of each kind: on worker-1 our node agent is the OVN chassis, on worker-2 ovn-controller is, with our agent
 * beside it in companion mode (as on clusters whose every node runs ovn-controller); hypervisors hv1 and hv2 with VIFs lp1/lp2 on logical switch ls-tenant1, and hv3 as a host on the
 * physical network physnet1 (vif3 on the example's VLAN 100, vif4 on VLAN 200).
 */
final class Sandbox implements AutoCloseable {
    static final String SWITCH = "ls-tenant1";
    static final List<String> GATEWAYS = List.of("worker-1", "worker-2");
    static final String PHYSICAL_BRIDGE = "br-physnet1";
    /** In manifests/examples/: the network on the gateway nodes, and the gateway bridging it. */
    static final String MAPPING_EXAMPLE = "bridgemapping-physnet1.yaml";
    static final String GATEWAY_EXAMPLE = "l2gateway-physnet1.yaml";
    static final String GATEWAY_LABEL = "l2gw.ovn.org/gateway";
    /** The gateway node where ovn-controller is the chassis and our agent runs in companion mode. */
    static final String COMPANION = "worker-2";
    private static final int STEPS = 7;

    private final SandboxOptions options;
    private final PrintStream out;
    private final List<ChildProcess> children = new ArrayList<>();
    private EmbeddedKubeApi kube;
    private Testbed testbed;
    private SeedTopology topology;
    private Path kubeconfig;
    private int step;

    Sandbox(SandboxOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    List<ChildProcess> children() {
        return children;
    }

    /** Starts everything; returns when traffic has been checked. */
    void start() throws Exception {
        Path agentJar = options.repo().resolve("node-agent/target/node-agent.jar");
        Path operatorJar = options.repo().resolve("operator/target/operator.jar");
        Prerequisites.check(options, List.of(agentJar, operatorJar, options.repo().resolve("crds"),
                options.repo().resolve("manifests/examples")));
        prepareDirectory();

        progress("Kubernetes API (embedded, CRUD mock with a kubectl front) on 127.0.0.1:" + options.kubePort());
        kube = EmbeddedKubeApi.start(options.kubePort());
        kubeconfig = kube.writeKubeconfig(options.dir().resolve("kubeconfig"));
        Kubectl kubectl = new Kubectl(kubeconfig);

        progress("OVN central (NB, SB, northd) and simulated nodes hv1, hv2 (ovn-controller), worker-1 (our node"
                + " agent is the chassis), " + COMPANION + " (ovn-controller is the chassis, our agent beside it),"
                + " hv3 (physical network)");
        testbed = Testbed.in(options.dir().resolve("ovs"));
        topology = SeedTopology.build(testbed, new SeedTopology.Layout(SWITCH, GATEWAYS, PHYSICAL_BRIDGE, false, false));
        topology.gateway(COMPANION).startOvnController();
        // each Node lists its tunnel endpoint among its addresses, as kubelet reports a node's InternalIP: the
        // operator ties a gateway chassis to its Node by name and by that address
        for (int n = 1; n <= 2; n++) {
            createNode("hv" + n, false, "192.168.0." + n);
        }
        for (String node : GATEWAYS) {
            createNode(node, true, topology.encapIp(node));
        }

        progress("CRDs: kubectl apply -f crds/");
        out.print(indent(kubectl.run("apply", "-f", options.repo().resolve("crds").toString())));

        progress("node agents on " + String.join(", ", GATEWAYS) + " (on " + COMPANION + " in companion mode)");
        for (String node : GATEWAYS) {
            OvsHost host = topology.gateway(node);
            children.add(ChildProcess.java("node-agent " + node, imageFlags("node-agent"),
                    imageEnvironment("node-agent"), agentJar, "org.ovnl2gw.agent.Main",
                    options.dir().resolve(node + "-agent.log"), List.of("--ovs-db", host.ovsdbRemote(),
                            "--ovs-rundir", host.rundir().toString(), "--kubeconfig", kubeconfig.toString(),
                            "--node-name", node)));
        }

        progress("operator");
        // the image sizes its heap from the container's memory (the Deployment's 512Mi limit), not the host's
        List<String> operatorFlags = new ArrayList<>(imageFlags("operator"));
        operatorFlags.add("-XX:MaxRAM=512m");
        children.add(ChildProcess.java("operator", operatorFlags, imageEnvironment("operator"), operatorJar,
                "org.ovnl2gw.operator.Main",
                options.dir().resolve("operator.log"), List.of("--ovn-nb-db", topology.central().nbRemote(),
                        "--ovn-sb-db", topology.central().sbRemote(), "--kubeconfig", kubeconfig.toString(),
                        "--metrics-port", Integer.toString(options.metricsPort()),
                        "--health-port", Integer.toString(options.healthPort()))));
        await("the operator is ready (http://127.0.0.1:" + options.healthPort() + "/readyz)", this::operatorReady,
                Duration.ofSeconds(60));

        // the mapping first, Ready on both nodes, then the gateway: applied together, the gateway would be placed on
        // whichever node reported the network first, and with no preemption stay there whatever preferredNodes says
        progress("examples: kubectl apply -f manifests/examples/" + MAPPING_EXAMPLE + ", then " + GATEWAY_EXAMPLE);
        Path examples = options.repo().resolve("manifests/examples");
        out.print(indent(kubectl.run("apply", "-f", examples.resolve(MAPPING_EXAMPLE).toString())));
        for (String node : GATEWAYS) {
            OvsHost host = topology.gateway(node);
            await("the BridgeMapping created " + PHYSICAL_BRIDGE + " on " + node,
                    () -> host.vsctl("list-br").lines().anyMatch(PHYSICAL_BRIDGE::equals), Duration.ofSeconds(60));
            topology.attachPhysical(node);
        }
        await("the BridgeMapping is Ready on every node", this::mappingsReady, Duration.ofSeconds(60));
        out.print(indent(kubectl.run("apply", "-f", examples.resolve(GATEWAY_EXAMPLE).toString())));
        L2Gateway example = kube.client().resources(L2Gateway.class).list().getItems().get(0);
        int vlan = example.getSpec().vlan() == null ? 0 : example.getSpec().vlan();
        topology.setPhysicalHostVlan(vlan);
        String name = example.getMetadata().getName();
        await("L2Gateway " + name + " is Ready", () -> ready(name), Duration.ofSeconds(90));
        out.print(indent(kubectl.run("get", "l2gw,bm")));

        progress("traffic through the gateway (the seed test's matrix; vif3 on VLAN " + vlan + " behind the gateway)");
        topology.central().nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> results = new TrafficMatrix(topology).run(vlan);
        out.print(indent(TrafficMatrix.table(results)));
        if (!TrafficMatrix.allPassed(results)) {
            throw new SandboxException("traffic through the gateway is not as expected (see the table above; "
                    + "logs in " + options.dir() + ")");
        }
    }

    private void prepareDirectory() throws IOException {
        Path marker = options.dir().resolve("sandbox.pid");
        if (Files.exists(marker)) {
            long pid = Long.parseLong(Files.readString(marker).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new SandboxException("another sandbox (pid " + pid + ") is running in " + options.dir()
                        + "; stop it or use --dir");
            }
        }
        Testbed.in(options.dir()); // creates it
        deleteContents(options.dir());
        Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
    }

    private void createNode(String name, boolean gateway, String internalIp) {
        var builder = new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name);
        if (gateway) {
            builder = builder.addToLabels(GATEWAY_LABEL, "true");
        }
        kube.client().nodes().resource(builder.endMetadata().withNewStatus().addNewAddress().withType("InternalIP")
                .withAddress(internalIp).endAddress().addNewAddress().withType("Hostname").withAddress(name).endAddress()
                .endStatus().build()).create();
    }

    /** The JVM flags the program's image starts it with: the sandbox runs its children as the images do. */
    private List<String> imageFlags(String image) {
        try {
            return ImageJvmFlags.of(options.repo(), image);
        } catch (TestbedException e) {
            throw new SandboxException(e.getMessage());
        }
    }

    /** The environment the program's image sets (its Dockerfile's ENV), which the sandbox's children get too. */
    private Map<String, String> imageEnvironment(String image) {
        try {
            return ImageJvmFlags.environmentOf(options.repo(), image);
        } catch (TestbedException e) {
            throw new SandboxException(e.getMessage());
        }
    }

    private boolean operatorReady() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + options.healthPort() + "/readyz")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean mappingsReady() {
        List<BridgeMapping> mappings = kube.client().resources(BridgeMapping.class).list().getItems();
        return !mappings.isEmpty() && mappings.stream().allMatch(bm -> bm.getStatus() != null
                && Conditions.isTrue(bm.getStatus().conditions(), ConditionTypes.READY));
    }

    private boolean ready(String name) {
        L2Gateway gw = kube.client().resources(L2Gateway.class).withName(name).get();
        return gw != null && gw.getStatus() != null
                && Conditions.isTrue(gw.getStatus().conditions(), ConditionTypes.READY);
    }

    private void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        out.println("      waiting until " + what);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (ChildProcess child : children) {
                if (!child.isAlive()) {
                    throw new SandboxException(child.name() + " exited; see " + child.log());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new SandboxException("timed out waiting until " + what + " (logs in " + options.dir() + ")");
            }
            Thread.sleep(200);
        }
    }

    private void progress(String message) {
        out.printf("[%d/%d] %s%n", ++step, STEPS, message);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "      " + l).reduce("", (a, b) -> a + b + System.lineSeparator());
    }

    /** Stops children, the Kubernetes API and every daemon (by pid), then removes the directory. */
    @Override
    public void close() {
        children.parallelStream().forEach(ChildProcess::stop); // each may take seconds to shut down cleanly
        if (kube != null) {
            kube.close();
        }
        if (testbed != null) {
            testbed.close();
        }
        try {
            deleteContents(options.dir());
            Files.deleteIfExists(options.dir());
        } catch (IOException e) {
            out.println("sandbox: could not remove " + options.dir() + ": " + e.getMessage());
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
    }

    /** The last lines of every child's log: printed when the sandbox fails, before its directory goes. */
    void printLogTails(PrintStream err) {
        for (ChildProcess child : children) {
            try {
                List<String> lines = Files.readAllLines(child.log());
                err.println("---- last lines of " + child.name() + " (" + child.log().getFileName() + ") ----");
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(err::println);
            } catch (IOException e) {
                err.println("---- " + child.name() + ": no log (" + e.getMessage() + ")");
            }
        }
    }

    /** What to type next, printed after the ready line. */
    String nextSteps() {
        StringBuilder s = new StringBuilder();
        s.append("\nTry it:\n");
        s.append("  export KUBECONFIG=").append(kubeconfig).append('\n');
        s.append("  kubectl get l2gw,bm                      # the gateway, its node and Ready\n");
        s.append("  kubectl describe l2gw tenant1-physnet1   # conditions and events\n");
        s.append("  kubectl get l2gw tenant1-physnet1 -o yaml\n");
        s.append("\nMove the port between the two kinds of gateway (worker-1: our agent is the chassis; worker-2:\n");
        s.append("ovn-controller is, our agent beside it) by narrowing the nodes allowed, and back:\n");
        s.append("  kubectl get l2gw                          # GATEWAY NODE worker-1, STANDBY worker-2\n");
        s.append("  kubectl patch l2gw tenant1-physnet1 --type merge -p "
                + "'{\"spec\":{\"gatewayNodes\":{\"nodeSelector\":{\"matchLabels\":"
                + "{\"kubernetes.io/hostname\":\"worker-2\"}}}}}'\n");
        s.append("  kubectl get l2gw                          # GATEWAY NODE worker-2: ovn-controller claimed the port\n");
        s.append("  kubectl patch l2gw tenant1-physnet1 --type merge -p "
                + "'{\"spec\":{\"gatewayNodes\":{\"nodeSelector\":{\"matchLabels\":"
                + "{\"kubernetes.io/hostname\":null}}}}}'\n");
        s.append("  kubectl get l2gw                          # stays on worker-2 (no preemption), STANDBY worker-1\n");
        s.append("\nFail a gateway node's switch and watch the port move to the other kind: no BFD runs with\n");
        s.append("ovn-controller's chassis, so the operator moves it once the heartbeat stops (--failover-timeout, 6 s):\n");
        for (var gateway : topology.gateways()) {
            s.append("  kill ").append(gateway.vswitchd().pid()).append("     # ovs-vswitchd of ")
                    .append(gateway.name()).append('\n');
        }
        s.append("  kubectl get l2gw -w                       # GATEWAY NODE changes within about 7 s\n");
        s.append("Or fail only a node agent: while a standby of our agent's kind exists that moves nothing; beside\n");
        s.append("ovn-controller's standby the active agent's flows expire (--fence-lease, 3 s) and the port moves\n");
        s.append("once its heartbeat stops (same 6 s):\n");
        for (ChildProcess child : children) {
            if (child.name().startsWith("node-agent ")) {
                s.append("  kill ").append(child.pid()).append("     # ").append(child.name()).append('\n');
            }
        }
        s.append("  kubectl get l2gw                          # Ready on the other node; STANDBY [] (that agent is gone)\n");
        s.append("\nLook inside: OVN_NB_DB=").append(topology.central().nbRemote()).append(" ovn-nbctl show\n");
        s.append("             OVN_SB_DB=").append(topology.central().sbRemote()).append(" ovn-sbctl show\n");
        s.append("Logs: ").append(options.dir()).append("/*.log\n");
        s.append("Ctrl-C stops everything and removes ").append(options.dir()).append('\n');
        return s.toString();
    }
}
