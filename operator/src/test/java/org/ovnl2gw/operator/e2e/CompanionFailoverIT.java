package org.ovnl2gw.operator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.operator.e2e.ContinuousProbes.Direction;
import org.ovnl2gw.testbed.Eventually;
import org.ovnl2gw.testbed.TrafficMatrix;

/**
 * Failover between the two kinds of gateway ({@link FailoverBed#startMixed}: gw1 our agent as the chassis, gw2
 * ovn-controller with our agent beside it), with numbered probes in both directions every 20 ms and a learning
 * switch as the physical network: there and back, traffic and Ready on each side, never a frame delivered twice.
 * Prints the figures; nothing is timed.
 */
class CompanionFailoverIT {
    private static final long PROBE_INTERVAL_MS = 20;

    private FailoverBed bed;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void agentDeathMovesThePortToTheCompanionWithoutDuplicatesAndItsNodeDeathMovesItBack() throws Exception {
        bed = FailoverBed.startMixed("failover-mixed");
        ContinuousProbes probes = new ContinuousProbes(bed.topology, PROBE_INTERVAL_MS);
        Thread.sleep(1000);

        // gw1's agent dies, its switch lives: its flow lease fences it, then the operator names gw2
        long killed = System.nanoTime();
        bed.killAgent("gw1");
        long ready = FailoverBed.when(() -> bed.isActive("gw2"), Eventually.CONVERGENCE);
        Thread.sleep(2000);
        long settled = System.nanoTime() - 1_000_000_000L;
        // gw1 forwards on after the kill until its lease ends; the frames lost from then until gw2 serves are the gap
        System.out.printf("failover agent-only -> companion (gw1's agent killed): longest gap overlay->physical"
                        + " %d ms, physical->overlay %d ms (%d and %d probes lost), kill to Ready on gw2 %d ms%n",
                probes.longestGapMs(Direction.TO_PHYSICAL, killed, settled),
                probes.longestGapMs(Direction.TO_OVERLAY, killed, settled),
                probes.lostBetween(Direction.TO_PHYSICAL, killed, settled),
                probes.lostBetween(Direction.TO_OVERLAY, killed, settled), (ready - killed) / 1_000_000);
        for (Direction d : Direction.values()) {
            assertTrue(probes.firstDeliveredAfter(d, ready) >= 0, d + ": traffic through gw2");
            assertEquals(List.of(), probes.duplicates(d), d + ": frames delivered twice across the move");
        }

        // gw1's agent is back: it stands by, nothing moves, nothing is lost
        long returning = System.nanoTime();
        bed.startAgent("gw1");
        bed.awaitActive("gw2", List.of("gw1"));
        Thread.sleep(3000);
        for (Direction d : Direction.values()) {
            assertEquals(0, probes.lostBetween(d, returning, System.nanoTime() - 1_000_000_000L),
                    d + ": frames lost while gw1's agent came back");
        }

        // the companion node dies (ovn-controller, ovs-vswitchd, ovsdb-server, our agent): back to gw1
        long killedBack = bed.killNode("gw2");
        long readyBack = FailoverBed.when(() -> bed.isActive("gw1"), Eventually.CONVERGENCE);
        Thread.sleep(2000);
        long settledBack = System.nanoTime() - 1_000_000_000L;
        System.out.printf("failover companion -> agent-only (gw2's node killed): longest gap"
                        + " overlay->physical %d ms, physical->overlay %d ms, kill to Ready on gw1 %d ms%n",
                probes.longestGapMs(Direction.TO_PHYSICAL, killedBack, settledBack),
                probes.longestGapMs(Direction.TO_OVERLAY, killedBack, settledBack), (readyBack - killedBack) / 1_000_000);
        for (Direction d : Direction.values()) {
            assertTrue(probes.firstDeliveredAfter(d, readyBack) >= 0, d + ": traffic through gw1");
        }

        bed.restoreNode("gw2");
        bed.awaitActive("gw1", List.of("gw2"));
        Thread.sleep(2000);
        probes.close();
        for (Direction d : Direction.values()) {
            assertEquals(List.of(), probes.duplicates(d), d + ": frames delivered twice");
        }
        // the operator moved the port off a failed chassis that still held the binding: a failover (Warning
        // GatewayMoved), never a BindingContested telling the user to look for a stranger
        List<String> events = Gateways.eventsAbout(bed.client, FailoverBed.GATEWAY);
        assertEquals(List.of(), events.stream().filter(e -> e.contains(" BindingContested ")).toList(), "" + events);
        assertTrue(events.stream().anyMatch(e -> e.startsWith("Warning GatewayMoved moved from node gw1 to gw2")),
                "" + events);
        List<TrafficMatrix.CaseResult> after = new TrafficMatrix(bed.topology).run(0);
        assertTrue(TrafficMatrix.allPassed(after), TrafficMatrix.table(after));
    }

    @Test
    void nodeDeathOfTheAgentGatewayMovesThePortToTheCompanionAndItsReturnCostsNoFrame() throws Exception {
        bed = FailoverBed.startMixed("failover-mixed-node");
        ContinuousProbes probes = new ContinuousProbes(bed.topology, PROBE_INTERVAL_MS);
        Thread.sleep(1000);
        long killed = bed.killNode("gw1");
        long ready = FailoverBed.when(() -> bed.isActive("gw2"), Eventually.CONVERGENCE);
        Thread.sleep(2000);
        long settled = System.nanoTime() - 1_000_000_000L;
        System.out.printf("failover agent-only -> companion (gw1's node killed): longest gap overlay->physical %d ms,"
                        + " physical->overlay %d ms, kill to Ready on gw2 %d ms%n",
                probes.longestGapMs(Direction.TO_PHYSICAL, killed, settled),
                probes.longestGapMs(Direction.TO_OVERLAY, killed, settled), (ready - killed) / 1_000_000);
        for (Direction d : Direction.values()) {
            assertTrue(probes.firstDeliveredAfter(d, ready) >= 0, d + ": traffic through gw2");
        }

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
    }
}
