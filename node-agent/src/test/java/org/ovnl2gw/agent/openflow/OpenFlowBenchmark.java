package org.ovnl2gw.agent.openflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.Testbed;

/**
 * Prints how long a real ovs-vswitchd (dummy datapath) takes to take flows through this client:
 * a bundle of N gateway-shaped flows, the same as plain flow mods, a dump, a bundle replacing
 * every flow, one gateway port's 16 flows in and out 200 times (warm: what a bind costs once the JIT has
 * compiled the path), echo round trips. Figures, not assertions. Run with:
 * {@code mvn -o -q -pl node-agent test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=org.ovnl2gw.agent.openflow.OpenFlowBenchmark -Dexec.classpathScope=test -Dexec.args=10000}
 */
public final class OpenFlowBenchmark {
    private static final long COOKIE = 0xbe7cL;

    private OpenFlowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        try (Testbed testbed = Testbed.create("ofbench")) {
            OvsHost host = testbed.addHost("hv", OvsHost.DummyMode.OVERRIDE);
            host.vsctl("add-br", "br-int", "--", "set-fail-mode", "br-int", "secure");
            Path socket = host.rundir().resolve("br-int.mgmt");
            while (!Files.exists(socket)) {
                Thread.sleep(50);
            }
            try (OpenFlowClient client = OpenFlowClient.connect(OpenFlowEndpoint.unix(socket)).join()) {
                client.addTlvMappings(List.of(TlvMapping.OVN_GENEVE)).join();
                List<Flow> flows = flows(n, 0);
                List<Flow> replaced = flows(n, 1);

                long t0 = System.nanoTime();
                client.applyAtomically(flows.stream().map(FlowChange::add).toList()).join();
                report("bundle add", n, t0);

                t0 = System.nanoTime();
                int dumped = client.dumpFlows().join().size();
                report("dump-flows (" + dumped + " decoded)", dumped, t0);

                List<FlowChange> swap = new ArrayList<>();
                flows.forEach(f -> swap.add(FlowChange.delete(f)));
                replaced.forEach(f -> swap.add(FlowChange.add(f)));
                t0 = System.nanoTime();
                client.applyAtomically(swap).join();
                report("bundle delete+add", swap.size(), t0);

                client.deleteFlowsByCookie(OpenFlowClient.ALL_TABLES, COOKIE, -1L).join();
                t0 = System.nanoTime();
                client.addFlows(flows).join();
                report("plain add + barrier", n, t0);

                // a gateway port's worth of flows in and out, warm: what one bind or release costs
                List<Flow> port = flows(16, 2);
                long[] bundle = new long[200];
                long[] plain = new long[200];
                for (int i = 0; i < bundle.length; i++) {
                    t0 = System.nanoTime();
                    client.applyAtomically(port.stream().map(FlowChange::add).toList()).join();
                    bundle[i] = System.nanoTime() - t0;
                    client.applyAtomically(port.stream().map(FlowChange::delete).toList()).join();
                    t0 = System.nanoTime();
                    client.addFlows(port).join();
                    plain[i] = System.nanoTime() - t0;
                    client.deleteFlows(port).join();
                }
                java.util.Arrays.sort(bundle);
                java.util.Arrays.sort(plain);
                System.out.printf(Locale.ROOT, "16 flows, warm (200 runs): bundle p50 %.2f ms p90 %.2f ms; plain flow"
                        + " mods + barrier p50 %.2f ms p90 %.2f ms%n", bundle[100] / 1e6, bundle[180] / 1e6,
                        plain[100] / 1e6, plain[180] / 1e6);

                int echoes = 1000;
                t0 = System.nanoTime();
                for (int i = 0; i < echoes; i++) {
                    client.connection().echo().join();
                }
                report("echo round trips (sequential)", echoes, t0);
            }
        }
    }

    /** Gateway-shaped flows: one unicast lookup per MAC in table 10, one egress key in table 20. */
    private static List<Flow> flows(int n, int variant) {
        List<Flow> flows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                String mac = String.format(Locale.ROOT, "f0:00:%02x:%02x:%02x:%02x",
                        (i >> 24) & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
                flows.add(Flow.of(10, 100, COOKIE, Match.builder().ethDst(mac).build(), Action.setTunId(1),
                        Action.setTunMetadata0(0x30000L | (i & 0x7fff)), Action.output(2 + variant)));
            } else {
                flows.add(Flow.of(20, 100, COOKIE, Match.builder().tunMetadata0(i, 0xffffffffL).build(),
                        Action.pushVlan(), Action.setVlanVid(100 + variant), Action.output(1)));
            }
        }
        return flows;
    }

    private static void report(String what, int count, long startNanos) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        System.out.printf(Locale.ROOT, "%-34s %7d msgs %9.1f ms %10.0f per s%n", what, count, ms, count / (ms / 1000));
    }
}
