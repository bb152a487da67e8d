package org.ovnl2gw.ovsdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark command (not a test): 10,000 Logical_Switch_Ports into 100 Logical_Switches through this
 * client in 100-port transactions, the same with ovn-nbctl (one invocation per 100 ports), and the p50
 * round trip of a one-row transact. Each run gets a fresh ovsdb-server in a temp directory, stopped by pid.
 * Run it with bench/ovsdb-bench.
 */
public final class OvsdbBenchmark {
    private static final int SWITCHES = 100;
    private static final int PORTS_PER_SWITCH = 100;
    private static final int ROUND_TRIPS = 2000;

    private OvsdbBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Files.createTempDirectory("ovsdb-bench");
        double clientMs = withServer(base.resolve("client"), OvsdbBenchmark::viaClient);
        double nbctlMs = withServer(base.resolve("nbctl"), OvsdbBenchmark::viaNbctl);
        double[] rtt = new double[1];
        withServer(base.resolve("rtt"), server -> {
            rtt[0] = p50RoundTrip(server);
            return 0;
        });
        int ports = SWITCHES * PORTS_PER_SWITCH;
        System.out.printf("insert %d Logical_Switch_Ports into %d switches, %d ports per transaction/invocation%n",
                ports, SWITCHES, PORTS_PER_SWITCH);
        System.out.printf("  java client : %8.0f ms (%6.0f ports/s)%n", clientMs, ports / clientMs * 1000);
        System.out.printf("  ovn-nbctl   : %8.0f ms (%6.0f ports/s)%n", nbctlMs, ports / nbctlMs * 1000);
        System.out.printf("  ratio nbctl/client: %.1fx%n", nbctlMs / clientMs);
        System.out.printf("one-row transact round trip over unix socket: p50 %.3f ms (%d samples)%n", rtt[0], ROUND_TRIPS);
    }

    /** One measured step against a fresh server. */
    private interface Step {
        double run(OvsdbServerProcess server) throws Exception;
    }

    private static double withServer(Path dir, Step step) throws Exception {
        Files.createDirectories(dir);
        OvsdbServerProcess server = OvsdbServerProcess.standalone(dir, "nb", TestSchemas.NB_FILE);
        Thread stopper = new Thread(server::stop);
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return step.run(server);
        } finally {
            server.stop();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    private static OvsdbClient connect(OvsdbServerProcess server) throws Exception {
        return OvsdbClient.connect(OvsdbRemote.parse(server.remote()).endpoints().get(0), ClientOptions.defaults())
                .get(30, TimeUnit.SECONDS);
    }

    private static void createSwitches(OvsdbClient c) throws Exception {
        List<Operation> ops = new ArrayList<>();
        for (int s = 0; s < SWITCHES; s++) {
            ops.add(Operations.insert("Logical_Switch").set("name", "ls" + s));
        }
        c.transact("OVN_Northbound", ops).get(60, TimeUnit.SECONDS);
    }

    private static double viaClient(OvsdbServerProcess server) throws Exception {
        try (OvsdbClient c = connect(server)) {
            createSwitches(c);
            long start = System.nanoTime();
            for (int s = 0; s < SWITCHES; s++) {
                List<Operation> ops = new ArrayList<>();
                List<NamedUuid> names = new ArrayList<>();
                for (int p = 0; p < PORTS_PER_SWITCH; p++) {
                    Operation.Insert lsp = Operations.insert("Logical_Switch_Port").uuidName("p" + p)
                            .set("name", "ls" + s + "-p" + p).set("addresses", Set.of("unknown"));
                    ops.add(lsp);
                    names.add(lsp.namedUuid());
                }
                ops.add(Operations.mutate("Logical_Switch").where(Condition.equalTo("name", "ls" + s)).insert("ports", names));
                c.transact("OVN_Northbound", ops).get(60, TimeUnit.SECONDS);
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double viaNbctl(OvsdbServerProcess server) throws Exception {
        try (OvsdbClient c = connect(server)) {
            createSwitches(c);
        }
        long start = System.nanoTime();
        for (int s = 0; s < SWITCHES; s++) {
            List<String> cmd = new ArrayList<>(Arrays.asList("ovn-nbctl", "--db=" + server.remote()));
            for (int p = 0; p < PORTS_PER_SWITCH; p++) {
                cmd.addAll(List.of("--", "lsp-add", "ls" + s, "ls" + s + "-p" + p,
                        "--", "lsp-set-addresses", "ls" + s + "-p" + p, "unknown"));
            }
            OvsdbServerProcess.run(server.dir(), cmd.toArray(String[]::new));
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double p50RoundTrip(OvsdbServerProcess server) throws Exception {
        try (OvsdbClient c = connect(server)) {
            Uuid ls = c.transact("OVN_Northbound", List.of(Operations.insert("Logical_Switch").uuidName("ls")
                    .set("name", "rtt"))).get(30, TimeUnit.SECONDS).uuidOf("ls");
            double[] samples = new double[ROUND_TRIPS];
            for (int i = -200; i < ROUND_TRIPS; i++) {
                long t0 = System.nanoTime();
                c.transact("OVN_Northbound", List.of(Operations.update("Logical_Switch").where(Condition.uuidEquals(ls))
                        .set("external_ids", Map.of("n", Integer.toString(i))))).get(30, TimeUnit.SECONDS);
                if (i >= 0) {
                    samples[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(samples);
            return samples[samples.length / 2];
        }
    }
}
