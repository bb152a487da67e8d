package org.ovnl2gw.operator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.e2e.ContinuousProbes.Direction;
import org.ovnl2gw.testbed.Eventually;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.TrafficMatrix;

/**
 * Failover through real processes ({@link FailoverBed}: two gateways, gw1 active, gw2 standing by), with
 * numbered probes crossing the gateway in both directions every 20 ms and a learning switch as the physical
 * network. Asserts what a user sees: delivery, duplicates, status. Prints the figures; nothing is timed.
 * The control-plane outages last {@code -Dl2gw.outageSeconds} each and {@code -Dl2gw.failoverRuns} node deaths
 * follow one another (the build's defaults are 20 s and 5, {@code ./test --long} runs 60 s and 10).
 */
class GatewayFailoverIT {
    private static final long PROBE_INTERVAL_MS = 20;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("l2gw.outageSeconds", 60));
    private static final int FAILOVER_RUNS = Integer.getInteger("l2gw.failoverRuns", 10);

    private FailoverBed bed;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void nodeDeathMovesTrafficToTheStandbyAndItsReturnCostsNoFrame() throws Exception {
        bed = FailoverBed.start("failover-node");
        // vif2 speaks once, so the physical switch learns its MAC behind gw1, then stays silent
        bed.topology.hypervisor(2).appctl("netdev-dummy/receive", "vif2", "f00000000003" + "f00000000002" + "0802");
        Thread.sleep(500);
        ContinuousProbes probes = new ContinuousProbes(bed.topology, PROBE_INTERVAL_MS);
        Thread.sleep(1000);
        var watch = bed.watchActive("gw2");
        long killed = bed.killNode("gw1");
        long ready = watch.get(Eventually.CONVERGENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        Thread.sleep(2000);
        System.out.printf("failover (node death): kill to first frame overlay->physical %d ms, physical->overlay"
                        + " %d ms, kill to Ready on gw2 %d ms%n", probes.firstDeliveredAfter(Direction.TO_PHYSICAL, killed),
                probes.firstDeliveredAfter(Direction.TO_OVERLAY, killed), (ready - killed) / 1_000_000);
        for (Direction d : Direction.values()) {
            assertTrue(probes.firstDeliveredAfter(d, killed) >= 0, d + ": traffic resumed through gw2");
        }
        L2Gateway moved = bed.gateway();
        assertTrue(moved.getStatus().conditions().stream().anyMatch(c -> c.message() != null
                && c.message().contains("moved from gw1")), moved.getStatus().toString());

        // the silent VM is reachable from the physical network at once: gw2 announced its MAC
        Path vif2 = bed.topology.hypervisor(2).rundir().resolve("vif2-tx.pcap");
        int seen = PcapFile.frames(vif2).size();
        bed.topology.hypervisor(3).appctl("netdev-dummy/receive", "vif3", "f00000000002" + "f00000000003" + "0803");
        eventually("unicast from the physical network reached the silent vif2", () ->
                PcapFile.frames(vif2).size() > seen);

        // gw1 comes back: it stands by, the port stays on gw2, and no frame is lost or duplicated
        long returning = System.nanoTime();
        bed.restoreNode("gw1");
        bed.awaitActive("gw2", List.of("gw1"));
        Thread.sleep(3000);
        long returned = System.nanoTime();
        probes.close();
        for (Direction d : Direction.values()) {
            assertEquals(0, probes.lostBetween(d, returning, returned), d + ": frames lost while gw1 came back");
            assertEquals(List.of(), probes.duplicates(d), d + ": frames delivered twice");
        }
        List<TrafficMatrix.CaseResult> after = new TrafficMatrix(bed.topology).run(0);
        assertTrue(TrafficMatrix.allPassed(after), TrafficMatrix.table(after));
    }

    @Test
    void agentDeathAloneKeepsTrafficFlowingWithNoFrameLostOrDuplicated() throws Exception {
        bed = FailoverBed.start("failover-agent");
        ContinuousProbes probes = new ContinuousProbes(bed.topology, PROBE_INTERVAL_MS);
        Thread.sleep(1000);
        long killed = System.nanoTime();
        bed.killAgent("gw1");
        Gateways.awaitReason(bed.client, FailoverBed.GATEWAY, ConditionTypes.READY, "AgentNotReporting");
        // Ready stays True (the switch forwards), and still somebody has to restart the agent
        eventually("a Warning Event says the agent stopped reporting", () -> Gateways.eventsAbout(bed.client,
                FailoverBed.GATEWAY).stream().anyMatch(e -> e.startsWith("Warning AgentNotReporting ")));
        Thread.sleep(3000);
        long until = System.nanoTime();
        probes.close();
        for (Direction d : Direction.values()) {
            assertEquals(0, probes.lostBetween(d, killed, until), d + ": frames lost after the agent died");
            assertEquals(List.of(), probes.duplicates(d), d + ": frames delivered twice");
        }
        assertEquals("gw1", bed.gateway().getStatus().gatewayNode(), "no move: gw1's switch still forwards");
        bed.startAgent("gw1");
        Gateways.awaitReason(bed.client, FailoverBed.GATEWAY, ConditionTypes.READY, "Ready");
    }

    @Test
    void nodeDeathsInARowAlternatingNodesEndReadyOnTheNewNodeEveryTime() throws Exception {
        bed = FailoverBed.start("failover-ten");
        String active = "gw1";
        List<Long> readyMs = new ArrayList<>();
        for (int i = 0; i < FAILOVER_RUNS; i++) {
            String standby = FailoverBed.otherGateway(active);
            var watch = bed.watchActive(standby);
            long killed = bed.killNode(active);
            readyMs.add((watch.get(Eventually.CONVERGENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) - killed)
                    / 1_000_000);
            bed.restoreNode(active);
            bed.awaitSettled(standby, active);
            active = standby;
        }
        System.out.println("failover: " + FAILOVER_RUNS + " node deaths in a row, kill to Ready on the other node (ms): "
                + readyMs);
        List<TrafficMatrix.CaseResult> after = new TrafficMatrix(bed.topology).run(0);
        assertTrue(TrafficMatrix.allPassed(after), TrafficMatrix.table(after));
    }

    @Test
    void southboundStallNorthboundAndOperatorOutagesLoseNoFrameAndMoveNothing() throws Exception {
        bed = FailoverBed.start("failover-outages");
        ContinuousProbes probes = new ContinuousProbes(bed.topology, PROBE_INTERVAL_MS);
        Thread.sleep(1000);
        long sbPid = bed.central.sb().daemon().pid();
        outage("Southbound ovsdb-server stopped (SIGSTOP)", probes,
                () -> signal(sbPid, "STOP"), () -> signal(sbPid, "CONT"));
        outage("Northbound ovsdb-server down", probes,
                () -> bed.central.nb().daemon().stop(), () -> bed.central.nb().daemon().restart());
        outage("operator stopped", probes, bed::stopOperator, () -> {
            try {
                bed.startOperator();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        probes.close();
        for (Direction d : Direction.values()) {
            assertEquals(List.of(), probes.duplicates(d), d + ": frames delivered twice");
        }
    }

    @Test
    void aBindingStolenByAForeignChassisIsTakenBackAFewTimesThenReported() throws Exception {
        bed = FailoverBed.start("failover-stolen");
        bed.central.sbctl("chassis-add", "intruder", "geneve", "192.168.0.99");
        String binding = bed.central.sbctl("--bare", "--columns=_uuid", "find", "Port_Binding",
                "logical_port=l2gw-seed").strip();
        String intruder = bed.central.sbctl("--bare", "--columns=_uuid", "find", "Chassis", "name=intruder").strip();
        int takenBack = 0;
        for (int i = 0; i < 6; i++) {
            bed.central.sbctl("set", "Port_Binding", binding, "chassis=" + intruder, "up=true");
            long deadline = System.currentTimeMillis() + 5000;
            boolean back = false;
            while (System.currentTimeMillis() < deadline && !back) {
                back = !bed.central.sbctl("--bare", "--columns=chassis", "find", "Port_Binding",
                        "logical_port=l2gw-seed").strip().equals(intruder);
                Thread.sleep(50);
            }
            if (!back) {
                break;
            }
            takenBack++;
        }
        assertEquals(3, takenBack, "taken back a bounded number of times, not fought forever");
        L2Gateway contested = Gateways.awaitReason(bed.client, FailoverBed.GATEWAY, ConditionTypes.BOUND,
                "BindingContested");
        assertTrue(contested.getStatus().conditions().stream().anyMatch(c -> c.type().equals(ConditionTypes.BOUND)
                && c.message().contains("intruder")), contested.getStatus().toString());
    }

    private void outage(String what, ContinuousProbes probes, Runnable begin, Runnable end) throws Exception {
        long from = System.nanoTime();
        begin.run();
        boolean readyThroughout = true;
        long until = from + OUTAGE.toNanos();
        try {
            while (System.nanoTime() < until) {
                L2Gateway g = bed.gateway();
                readyThroughout &= FailoverBed.ready(g) && "gw1".equals(g.getStatus().gatewayNode());
                Thread.sleep(500);
            }
        } finally {
            end.run();
        }
        long over = System.nanoTime();
        Thread.sleep(2000);
        bed.awaitActive("gw1", List.of("gw2"));
        for (Direction d : Direction.values()) {
            long lost = probes.lostBetween(d, from, over);
            System.out.printf("outage: %s for %d s: %s frames lost %d%n", what, OUTAGE.toSeconds(), d, lost);
            assertEquals(0, lost, what + ": " + d + " frames lost");
        }
        assertTrue(readyThroughout, what + ": Ready on gw1 throughout");
        String boundTo = bed.central.sbctl("--bare", "--columns=chassis", "find", "Port_Binding",
                "logical_port=l2gw-seed").strip();
        assertEquals("gw1", bed.central.sbctl("get", "Chassis", boundTo, "name").strip().replace("\"", ""),
                what + ": no move in the Southbound DB");
    }

    private static void signal(long pid, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
