package org.ovnl2gw.operator.e2e;

import static org.ovnl2gw.testbed.Eventually.eventually;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ovnl2gw.operator.e2e.ContinuousProbes.Direction;
import org.ovnl2gw.testbed.Eventually;

/**
 * Failover figures ({@code bench/failover-bench [RUNS]}, default 10): on {@link FailoverBed}, with probes both
 * ways every 10 ms, RUNS node deaths alternating between gw1 and gw2 (the failed node restored after each) and
 * RUNS agent deaths of the active gateway (the agent restarted after each). Prints, per fault, kill to the first
 * frame delivered in each direction and kill to Ready on the serving node, p50 and max, and the frames lost and
 * duplicated. Real processes, default agent settings (BFD every 200 ms), operator failover timeout 2 s.
 */
public final class FailoverBenchmark {
    private static final long PROBE_INTERVAL_MS = 10;

    private FailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Map<String, List<Long>> samples = new TreeMap<>();
        long lostNode = 0;
        long lostAgent = 0;
        long duplicates = 0;
        try (FailoverBed bed = FailoverBed.start("failover-bench")) {
            String active = "gw1";
            for (int i = 0; i < runs; i++) {
                String standby = active.equals("gw1") ? "gw2" : "gw1";
                ContinuousProbes probes = new ContinuousProbes(bed.topology, PROBE_INTERVAL_MS);
                Thread.sleep(500);
                String next = standby;
                var watch = bed.watchActive(next);
                long killed = bed.killNode(active);
                long ready = watch.get(Eventually.CONVERGENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                Thread.sleep(1500);
                probes.close();
                for (Direction d : Direction.values()) {
                    samples.computeIfAbsent("node death: kill -> first frame " + label(d), k -> new ArrayList<>())
                            .add(probes.firstDeliveredAfter(d, killed));
                    lostNode += probes.lostBetween(d, killed, ready);
                    duplicates += probes.duplicates(d).size();
                }
                samples.computeIfAbsent("node death: kill -> Ready on the standby", k -> new ArrayList<>())
                        .add((ready - killed) / 1_000_000);
                bed.restoreNode(active);
                bed.awaitActive(standby, List.of(active));
                String back = active;
                eventually("BFD up again", () -> bed.bfdForwards(next, back) && bed.bfdForwards(back, next));
            Thread.sleep(3000); // BFD runs at 1 s until a session is up, then at its interval: a real node has been up a while
                active = standby;
            }
            for (int i = 0; i < runs; i++) {
                ContinuousProbes probes = new ContinuousProbes(bed.topology, PROBE_INTERVAL_MS);
                Thread.sleep(500);
                long killed = System.nanoTime();
                bed.killAgent(active);
                Thread.sleep(3000);
                long until = System.nanoTime();
                probes.close();
                for (Direction d : Direction.values()) {
                    samples.computeIfAbsent("agent death: kill -> first frame " + label(d), k -> new ArrayList<>())
                            .add(probes.firstDeliveredAfter(d, killed));
                    lostAgent += probes.lostBetween(d, killed, until);
                    duplicates += probes.duplicates(d).size();
                }
                if (!bed.isActive(active)) {
                    throw new AssertionError("agent death " + (i + 1) + " of " + runs + ": the gateway moved or is not"
                            + " Ready on " + active + " 3 s after its agent was killed: " + bed.gateway().getStatus());
                }
                bed.startAgent(active);
            }
        }
        System.out.printf("%n%-52s %6s %6s %6s   (ms, %d runs)%n", "failover figure", "p50", "p90", "max", runs);
        samples.forEach((name, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            System.out.printf("%-52s %6d %6d %6d%n", name, pct(sorted, 50), pct(sorted, 90), sorted.get(sorted.size() - 1));
        });
        System.out.printf("frames lost: node deaths %d (probes every %d ms both ways, between kill and Ready),"
                + " agent deaths %d; delivered twice: %d%n", lostNode, PROBE_INTERVAL_MS, lostAgent, duplicates);
    }

    private static String label(Direction d) {
        return d == Direction.TO_PHYSICAL ? "overlay->physical" : "physical->overlay";
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
