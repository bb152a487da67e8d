package org.ovnl2gw.operator.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ovnl2gw.operator.e2e.ContinuousProbes.Direction;
import org.ovnl2gw.testbed.Eventually;

/**
 * Failover figures ({@code bench/failover-bench [RUNS [AGENT_RUNS]]}, default 10 and RUNS): on {@link FailoverBed},
 * with probes both ways every 10 ms, RUNS node deaths alternating between gw1 and gw2 (the failed node restored
 * after each) and AGENT_RUNS agent deaths of the active gateway (the agent restarted after each). Prints, per
 * fault, kill to the first frame delivered in each direction and kill to Ready on the serving node, p50 and max,
 * the frames lost and duplicated, and how many agent deaths moved the gateway (its switch alive, the standby
 * should not take over; one that does is counted and the runs go on from the node now serving). Real processes,
 * default agent settings (BFD every 200 ms), operator failover timeout 2 s.
 */
public final class FailoverBenchmark {
    private static final long PROBE_INTERVAL_MS = 10;

    private FailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int agentRuns = args.length > 1 ? Integer.parseInt(args[1]) : runs;
        int moved = 0;
        Map<String, List<Long>> samples = new TreeMap<>();
        long lostNode = 0;
        long lostAgent = 0;
        long duplicates = 0;
        try (FailoverBed bed = FailoverBed.start("failover-bench")) {
            String active = "gw1";
            for (int i = 0; i < runs; i++) {
                String standby = FailoverBed.otherGateway(active);
                ContinuousProbes probes = new ContinuousProbes(bed.topology, PROBE_INTERVAL_MS);
                Thread.sleep(500);
                var watch = bed.watchActive(standby);
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
                bed.awaitSettled(standby, active);
                active = standby;
            }
            for (int i = 0; i < agentRuns; i++) {
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
                    String other = FailoverBed.otherGateway(active);
                    if (!bed.isActive(other)) {
                        throw new AssertionError("agent death " + (i + 1) + " of " + agentRuns + ": the gateway is"
                                + " Ready on neither node 3 s after " + active + "'s agent was killed: "
                                + bed.gateway().getStatus());
                    }
                    System.err.printf("agent death %d of %d: the gateway moved from %s to %s%n", i + 1, agentRuns,
                            active, other);
                    moved++;
                    bed.startAgent(active);
                    bed.awaitSettled(other, active);
                    active = other;
                } else {
                    bed.startAgent(active);
                }
            }
        }
        System.out.printf("%n%-52s %6s %6s %6s   (ms; %d node deaths, %d agent deaths)%n", "failover figure", "p50",
                "p90", "max", runs, agentRuns);
        samples.forEach((name, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            System.out.printf("%-52s %6d %6d %6d%n", name, pct(sorted, 50), pct(sorted, 90), sorted.get(sorted.size() - 1));
        });
        System.out.printf("frames lost: node deaths %d (probes every %d ms both ways, between kill and Ready),"
                + " agent deaths %d; delivered twice: %d%n", lostNode, PROBE_INTERVAL_MS, lostAgent, duplicates);
        System.out.printf("agent deaths that moved the gateway to the other node: %d of %d%n", moved, agentRuns);
    }

    private static String label(Direction d) {
        return d == Direction.TO_PHYSICAL ? "overlay->physical" : "physical->overlay";
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
