package org.ovnl2gw.operator.e2e;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;
import org.ovnl2gw.operator.Main;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;
import org.ovnl2gw.testbed.Eventually;
import org.ovnl2gw.testbed.ImageJvmFlags;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * Benchmark command (not a test): N L2Gateways created at once; prints the time until all are Ready, the
 * per-gateway time from create to Ready (p50, p90, max), the operator's memory and how many requests the Kubernetes
 * API served. The operator runs as its own JVM ({@link Main}, as the Deployment runs it, flags from
 * {@code OPERATOR_JAVA_OPTS}), so its RSS is its own. The gateway chassis is a fake published by this program in
 * the Southbound DB (Chassis + Chassis_Private heartbeat, and it claims ports named to it), so only the operator,
 * NB/SB and ovn-northd are measured. Readiness is observed through a watch (an informer), as a user's
 * {@code kubectl get -w} would. Run with {@code bench/operator-bench [N...]}: each N in a fresh testbed.
 *
 * <p>What the clock measures: it starts when the first create is sent and stops when the watch shows the last
 * gateway Ready. The creates are sent by 8 clients at once (as 8 parallel {@code kubectl create}s would; one
 * {@code kubectl apply -f} of N objects sends them one after another, and would take longer before the last is
 * even created); "all created" says when the last create was answered. Everything shares the machine's 2 cores:
 * the API server, the creating clients, the watch, NB/SB, ovn-northd and the operator. Each N is measured twice
 * against one operator: first its first burst since it started (cold: its JIT compiles what the burst runs, a
 * core's worth throughout), then, once those are deleted, the same burst again (warm, as an operator that has
 * been running). With {@code OPBENCH_KEEP=DIR} the operator's log and per-gateway times are kept in DIR.
 */
public final class L2GatewayBenchmark {
    private static final String CHASSIS = "bench-gw";
    private static final String NETWORK = "physnet1";
    private static final String WARM_UP_FINALIZER = "bench.ovn-l2gw.org/warm-up";
    /**
     * The image's flags (images/operator/Dockerfile) as the JVM sees them under the Deployment's 512Mi limit:
     * MaxRAM stands for the container's limit, so the heap is sized as there (at most 75 %, 384 MiB, from 8 MiB).
     * A bare -Xmx384m would not do: on this 24 GB host the initial heap (1/64 of RAM) is then the whole 384 MiB,
     * and the RSS measured is that of a heap the container never gives the operator at start.
     */
    private static String defaultJavaOpts() {
        return "-XX:MaxRAM=512m " + String.join(" ", ImageJvmFlags.of(Path.of("."), "operator"));
    }

    private L2GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path crds = Path.of(args.length > 0 ? args[0] : "crds");
        List<Integer> counts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        if (counts.isEmpty()) {
            counts.add(200);
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        for (int count : counts) {
            runOnce(crds, count);
        }
        System.exit(0);
    }

    private static void runOnce(Path crds, int count) throws Exception {
        try (Testbed testbed = Testbed.create("opbench")) {
            OvnCentral central = testbed.startCentral();
            List<String> lsAdd = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Collections.addAll(lsAdd, "--", "ls-add", "bench-ls-" + i);
            }
            central.nbctl(lsAdd.subList(1, lsAdd.size()).toArray(String[]::new));
            central.sbctl("chassis-add", CHASSIS, "geneve", "192.168.0.9");
            central.sbctl("set", "Chassis", CHASSIS, "external_ids:ovn-l2gw-owner=node-agent",
                    "other_config:ovn-bridge-mappings=" + NETWORK + ":br-phys");
            try (FakeGatewayChassis fake = FakeGatewayChassis.start(central.sbRemote());
                 EmbeddedKubeApi api = EmbeddedKubeApi.start(0)) {
                api.applyCrds(crds);
                Gateways.createNode(api.client(), CHASSIS, "192.168.0.9");
                Path kubeconfig = api.writeKubeconfig(testbed.baseDir().resolve("kubeconfig"));
                warmUp(api.client(), count);
                try (OperatorProcess operator = OperatorProcess.start(testbed.baseDir(), kubeconfig,
                        central.nbRemote(), central.sbRemote())) {
                    run(api, operator, count, "bench-", "cold operator: its first burst since it started");
                    deleteAll(api.client());
                    run(api, operator, count, "again-", "warm operator: the same burst again, after the first was"
                            + " deleted");
                    keep(testbed.baseDir().resolve("operator.log"), "operator-" + count + ".log");
                }
            }
        }
    }

    /** Deletes every L2Gateway and waits until the operator has let them go (ports deleted, finalizers off). */
    private static void deleteAll(KubernetesClient client) throws InterruptedException {
        client.resources(L2Gateway.class).list().getItems()
                .forEach(g -> client.resources(L2Gateway.class).withName(g.getMetadata().getName()).delete());
        Eventually.eventually("all L2Gateways deleted",
                () -> client.resources(L2Gateway.class).list().getItems().isEmpty());
        // the last deletions' events and status writes, so that they do not fall into the next measurement
        Thread.sleep(2000);
    }

    /** With OPBENCH_KEEP=DIR, keeps a copy of what a profile needs (operator log, per-gateway times) in DIR. */
    private static void keep(Path file, String name) {
        String dir = System.getenv("OPBENCH_KEEP");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.copy(file, Path.of(dir, name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("cannot keep " + file + " in " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The embedded API is a JVM of its own kind, cold at first, where a real API server takes no warm-up. It settles
     * only once it has served every kind of request the measurement sends: warmed with creates and deletes alone,
     * this JVM compiled the finalizer and status patches, Events and watch events during the 200's measurement
     * (C2: 3.5 s of compile time in a 3.5 s window, a core of the two; bench/operator-bench now runs it with C1
     * only, which has far less to compile and is faster here than C2 after the same warm-up). So before the
     * operator starts (it never sees them), N gateways go through what the operator and a user do to each, watched
     * as the benchmark watches: create, add a finalizer, three whole-status JSON patches, an Event, remove the
     * finalizer, delete; in rounds until one is no more than 10 % faster than the one before (at most 5).
     */
    private static void warmUp(KubernetesClient client, int count) throws InterruptedException {
        SharedIndexInformer<L2Gateway> watch = client.resources(L2Gateway.class).inform();
        List<Long> rounds = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            ExecutorService creators = Executors.newFixedThreadPool(8);
            for (int i = 0; i < count; i++) {
                String name = "warmup-" + round + "-" + i;
                int n = i;
                creators.execute(() -> asTheOperatorWould(client, Gateways.create(client, name, "bench-ls-" + n,
                        NETWORK, n + 1, null)));
            }
            creators.shutdown();
            creators.awaitTermination(10, TimeUnit.MINUTES);
            rounds.add((System.nanoTime() - start) / 1_000_000);
            int last = rounds.size() - 1;
            if (last > 0 && rounds.get(last) * 10 >= rounds.get(last - 1) * 9) {
                break;
            }
        }
        watch.close();
        Eventually.eventually("warm-up gateways deleted",
                () -> client.resources(L2Gateway.class).list().getItems().isEmpty());
        System.err.println("warm-up rounds of " + count + " (ms): " + rounds);
    }

    private static void asTheOperatorWould(KubernetesClient client, L2Gateway created) {
        String name = created.getMetadata().getName();
        L2Gateway withFinalizer = client.resources(L2Gateway.class).resource(created).edit(g -> {
            g.addFinalizer(WARM_UP_FINALIZER);
            return g;
        });
        for (L2GatewayStatus status : warmUpStatuses(Instant.now())) {
            String patch = "[{\"op\":\"add\",\"path\":\"/status\",\"value\":"
                    + client.getKubernetesSerialization().asJson(status) + "}]";
            client.resources(L2Gateway.class).resource(withFinalizer).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON), patch);
        }
        client.v1().events().inNamespace("default").resource(new EventBuilder()
                .withNewMetadata().withName(name + ".warm-up").endMetadata()
                .withNewInvolvedObject().withApiVersion(HasMetadata.getApiVersion(L2Gateway.class))
                .withKind("L2Gateway").withName(name).endInvolvedObject()
                .withType("Normal").withReason("ReadyWithoutStandby").withMessage("warm-up").build()).create();
        client.resources(L2Gateway.class).withName(name).edit(g -> {
            g.removeFinalizer(WARM_UP_FINALIZER);
            return g;
        });
        client.resources(L2Gateway.class).withName(name).delete();
    }

    /** Statuses shaped as the operator's on the way to Ready: waiting for the binding, for the claim, Ready. */
    private static List<L2GatewayStatus> warmUpStatuses(Instant now) {
        List<L2GatewayStatus> statuses = new ArrayList<>();
        String[][] steps = {{"False", "WaitingForPortBinding"}, {"False", "WaitingForClaim"}, {"True", "Claimed"}};
        for (String[] step : steps) {
            statuses.add(L2GatewayStatus.EMPTY
                    .withCondition(condition(ConditionTypes.ACCEPTED, "True", "Accepted", now))
                    .withCondition(condition(ConditionTypes.PROGRAMMED, step[0], step[1], now))
                    .withCondition(condition(ConditionTypes.BOUND, step[0], step[1], now))
                    .withCondition(condition(ConditionTypes.READY, step[0], step[1], now))
                    .withLogicalPort("l2gw-warm-up").withObservedGeneration(1L));
        }
        return statuses;
    }

    // named in full: this class also uses the OVSDB Condition
    private static org.ovnl2gw.api.v1alpha1.Condition condition(String type, String status, String reason,
                                                                Instant now) {
        return org.ovnl2gw.api.v1alpha1.Condition.of(type, status, reason, "warm-up", 1, now);
    }

    private static void run(EmbeddedKubeApi api, OperatorProcess operator, int count, String prefix, String what)
            throws InterruptedException {
        KubernetesClient client = api.client();
        Map<String, Long> created = new ConcurrentHashMap<>();
        Map<String, Long> ready = new ConcurrentHashMap<>();
        CountDownLatch allReady = new CountDownLatch(count);
        SharedIndexInformer<L2Gateway> watch = client.resources(L2Gateway.class).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(L2Gateway g) {
                seen(g);
            }

            @Override
            public void onUpdate(L2Gateway before, L2Gateway after) {
                seen(after);
            }

            @Override
            public void onDelete(L2Gateway g, boolean unknown) {
            }

            private void seen(L2Gateway g) {
                if (g.getStatus() != null && Conditions.isTrue(g.getStatus().conditions(), ConditionTypes.READY)
                        && ready.putIfAbsent(g.getMetadata().getName(), System.nanoTime()) == null) {
                    allReady.countDown();
                }
            }
        });
        int requestsBefore = api.requestCount();
        ExecutorService creators = Executors.newFixedThreadPool(8);
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            creators.execute(() -> {
                String name = prefix + n;
                Gateways.create(client, name, "bench-ls-" + n, NETWORK, n + 1, null);
                created.put(name, System.nanoTime());
            });
        }
        creators.shutdown();
        boolean all = allReady.await(10, TimeUnit.MINUTES);
        long end = ready.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
        OperatorProcess.Memory memory = operator.memory();
        // what the operator still does once all are Ready (status writes, events) counts against it too
        Thread.sleep(2000);
        int requests = api.requestCount() - requestsBefore;
        OperatorProcess.Memory settled = operator.memory();
        watch.close();
        List<Long> perGateway = new ArrayList<>();
        ready.forEach((name, t) -> perGateway.add((t - created.getOrDefault(name, start)) / 1_000_000));
        Collections.sort(perGateway);
        StringBuilder times = new StringBuilder("gateway\tcreated_ms\tready_ms\n");
        ready.forEach((name, t) -> times.append(name).append('\t')
                .append((created.getOrDefault(name, start) - start) / 1_000_000).append('\t')
                .append((t - start) / 1_000_000).append('\n'));
        try {
            Path file = Files.createTempFile("opbench-times", ".tsv");
            Files.writeString(file, "# start " + startMillis + " ms since the epoch\n" + times);
            keep(file, "times-" + prefix + count + ".tsv");
            Files.delete(file);
        } catch (IOException e) {
            System.err.println("cannot write the per-gateway times: " + e.getMessage());
        }
        System.out.printf("operator benchmark: %d L2Gateways created at once (%d switches, 1 fake gateway chassis;"
                + " operator JVM: %s); %s%n", count, count, operator.javaOpts(), what);
        System.out.printf("  all created after %d ms%n", (created.values().stream().mapToLong(Long::longValue).max()
                .orElse(start) - start) / 1_000_000);
        System.out.printf("  Ready: %d of %d; all Ready after %d ms%s%n", ready.size(), count, (end - start) / 1_000_000,
                all ? "" : " (gave up after 10 minutes)");
        if (!perGateway.isEmpty()) {
            System.out.printf("  per gateway, create -> Ready: p50 %d ms, p90 %d ms, max %d ms%n",
                    perGateway.get(perGateway.size() / 2), perGateway.get(perGateway.size() * 9 / 10),
                    perGateway.get(perGateway.size() - 1));
        }
        System.out.printf("  operator RSS when all Ready %d MB (2 s later %d MB, peak %d MB), %d threads;"
                + " Kubernetes API requests until then + 2 s: %d (all clients)%n", memory.rssMb(), settled.rssMb(),
                settled.peakMb(), settled.threads(), requests);
    }

    /** The operator's Main in a JVM of its own, stopped by pid; its output goes to {@code operator.log}. */
    private static final class OperatorProcess implements AutoCloseable {
        private final Process process;
        private final String javaOpts;

        record Memory(long rssMb, long peakMb, long threads) {
        }

        private OperatorProcess(Process process, String javaOpts) {
            this.process = process;
            this.javaOpts = javaOpts;
        }

        static OperatorProcess start(Path dir, Path kubeconfig, String nbRemote, String sbRemote) throws Exception {
            int health;
            int metrics;
            try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
                health = a.getLocalPort();
                metrics = b.getLocalPort();
            }
            String opts = Optional.ofNullable(System.getenv("OPERATOR_JAVA_OPTS"))
                    .orElseGet(L2GatewayBenchmark::defaultJavaOpts);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--ovn-nb-db", nbRemote, "--ovn-sb-db", sbRemote, "--kubeconfig", kubeconfig.toString(),
                    "--bind-address", "127.0.0.1", "--health-port", Integer.toString(health),
                    "--metrics-port", Integer.toString(metrics), "--no-leader-election"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("operator.log").toFile()).start();
            OperatorProcess operator = new OperatorProcess(p, opts);
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + health + "/readyz")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return operator;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            operator.close();
            throw new IllegalStateException("operator not ready within 60 s; see " + dir.resolve("operator.log"));
        }

        String javaOpts() {
            return javaOpts;
        }

        /** VmRSS, VmHWM and Threads of /proc/PID/status. */
        Memory memory() {
            try {
                long rss = 0;
                long peak = 0;
                long threads = 0;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    String[] f = line.split("\\s+");
                    switch (f[0]) {
                        case "VmRSS:" -> rss = Long.parseLong(f[1]) / 1024;
                        case "VmHWM:" -> peak = Long.parseLong(f[1]) / 1024;
                        case "Threads:" -> threads = Long.parseLong(f[1]);
                        default -> { }
                    }
                }
                return new Memory(rss, peak, threads);
            } catch (IOException e) {
                return new Memory(-1, -1, -1);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Plays the node agent's Southbound part for one chassis: heartbeats, and claims ports named to it. */
    private static final class FakeGatewayChassis implements AutoCloseable {
        private final OvsdbSession sb;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final Set<String> claimed = new HashSet<>();
        private long beat;

        private FakeGatewayChassis(OvsdbSession sb) {
            this.sb = sb;
        }

        static FakeGatewayChassis start(String sbRemote) throws Exception {
            OvsdbSession sb = OvsdbSession.builder(OvsdbRemote.parse(sbRemote), "OVN_Southbound")
                    .monitor(MonitorSpec.builder().table("Chassis", "name").table("Chassis_Private", "name")
                            .table("Port_Binding", "logical_port", "type", "options")
                            .where("Port_Binding", Condition.equalTo("type", "l2gateway")).build())
                    .start();
            if (!sb.awaitConnected(Duration.ofSeconds(20))) {
                throw new IllegalStateException("fake chassis cannot connect to the Southbound DB");
            }
            FakeGatewayChassis fake = new FakeGatewayChassis(sb);
            sb.transact("bench: chassis private", List.of(Operations.insert("Chassis_Private").set("name", CHASSIS)
                    .set("external_ids", Map.of("ovn-l2gw-heartbeat", "0")))).get(10, TimeUnit.SECONDS);
            fake.timer.scheduleWithFixedDelay(fake::heartbeat, 500, 500, TimeUnit.MILLISECONDS);
            fake.timer.scheduleWithFixedDelay(fake::claim, 50, 50, TimeUnit.MILLISECONDS);
            return fake;
        }

        private void heartbeat() {
            beat++;
            sb.transact("bench: heartbeat", List.of(Operations.update("Chassis_Private")
                    .where(Condition.equalTo("name", CHASSIS))
                    .set("external_ids", Map.of("ovn-l2gw-heartbeat", Long.toString(beat)))));
        }

        private void claim() {
            Uuid us = sb.cache().table("Chassis").findOne("name", CHASSIS).map(Row::uuid).orElse(null);
            if (us == null) {
                return;
            }
            List<Operation> ops = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Row pb : sb.cache().table("Port_Binding").rows()) {
                String port = pb.getString("logical_port");
                if (CHASSIS.equals(pb.getStringMap("options").get("l2gateway-chassis")) && !claimed.contains(port)) {
                    ops.add(Operations.update("Port_Binding").where(Condition.uuidEquals(pb.uuid()))
                            .set("chassis", Set.of(us)).set("up", Set.of(true)));
                    names.add(port);
                }
            }
            if (!ops.isEmpty()) {
                try {
                    sb.transact("bench: claim " + names.size() + " ports", ops).get(10, TimeUnit.SECONDS);
                    claimed.addAll(names);
                } catch (Exception e) {
                    System.err.println("claim failed, retrying: " + e.getMessage());
                }
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
            sb.close();
        }
    }
}
