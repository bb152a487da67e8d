package org.ovnl2gw.operator.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.l2gateway.L2GatewaySettings;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * Benchmark command (not a test): N L2Gateways created at once; prints the time until all are Ready and the
 * per-gateway time from create to Ready (p50, p90, max). The gateway chassis is a fake published by this
 * program in the Southbound DB (Chassis + Chassis_Private heartbeat, and it claims ports named to it), so only
 * the operator, NB/SB and ovn-northd are measured. Run with {@code bench/operator-bench [N]}.
 */
public final class L2GatewayBenchmark {
    private static final String CHASSIS = "bench-gw";
    private static final String NETWORK = "physnet1";

    private L2GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path crds = Path.of(args.length > 0 ? args[0] : "crds");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Logger.getLogger("").setLevel(Level.WARNING);
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
                try (OperatorUnderTest operator = OperatorUnderTest.start(api, central.nbRemote(), central.sbRemote(),
                        L2GatewaySettings.defaults())) {
                    run(api.client(), count);
                }
            }
        }
        System.exit(0);
    }

    private static void run(KubernetesClient client, int count) throws InterruptedException {
        Map<String, Long> created = new ConcurrentHashMap<>();
        Map<String, Long> ready = new ConcurrentHashMap<>();
        ExecutorService creators = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            creators.execute(() -> {
                String name = "bench-" + n;
                Gateways.create(client, name, "bench-ls-" + n, NETWORK, n + 1, null);
                created.put(name, System.nanoTime());
            });
        }
        creators.shutdown();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        while (ready.size() < count && System.nanoTime() < deadline) {
            for (L2Gateway g : client.resources(L2Gateway.class).list().getItems()) {
                if (g.getStatus() != null && Conditions.isTrue(g.getStatus().conditions(), ConditionTypes.READY)) {
                    ready.putIfAbsent(g.getMetadata().getName(), System.nanoTime());
                }
            }
            Thread.sleep(50);
        }
        long end = ready.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
        List<Long> perGateway = new ArrayList<>();
        ready.forEach((name, t) -> perGateway.add((t - created.getOrDefault(name, start)) / 1_000_000));
        Collections.sort(perGateway);
        System.out.printf("operator benchmark: %d L2Gateways created at once (%d switches, 1 fake gateway chassis)%n",
                count, count);
        System.out.printf("  all created after %d ms%n", (created.values().stream().mapToLong(Long::longValue).max()
                .orElse(start) - start) / 1_000_000);
        System.out.printf("  Ready: %d of %d; all Ready after %d ms%n", ready.size(), count, (end - start) / 1_000_000);
        if (!perGateway.isEmpty()) {
            System.out.printf("  per gateway, create -> Ready: p50 %d ms, p90 %d ms, max %d ms%n",
                    perGateway.get(perGateway.size() / 2), perGateway.get(perGateway.size() * 9 / 10),
                    perGateway.get(perGateway.size() - 1));
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
