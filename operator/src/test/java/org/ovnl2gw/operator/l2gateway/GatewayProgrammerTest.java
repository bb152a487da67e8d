package org.ovnl2gw.operator.l2gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;
import org.ovnl2gw.kube.UnreadableResources;
import org.ovnl2gw.operator.ovn.ChassisInfo;
import org.ovnl2gw.operator.ovn.DesiredGatewayPort;
import org.ovnl2gw.operator.ovn.InMemoryNorthbound;
import org.ovnl2gw.operator.ovn.InMemorySouthbound;
import org.ovnl2gw.operator.ovn.OvnUnavailableException;

/** Every branch of the decision core, against in-memory Northbound and Southbound databases. */
class GatewayProgrammerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(6);
    private static final String PORT = "l2gw-gw";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryNorthbound nb = new InMemoryNorthbound().withSwitch("ls1");
    private final InMemorySouthbound sb = new InMemorySouthbound()
            .withChassis(agent("gw1", "1"), "10.0.0.1")
            .withChassis(agent("gw2", "1"), "10.0.0.2");
    private final ChassisHealth health = new ChassisHealth(clock, TIMEOUT);
    private final List<ChassisIdentityCheck.NodeFacts> nodes = new ArrayList<>(List.of(
            node("gw1", "10.0.0.1"), node("gw2", "10.0.0.2")));
    private final List<ChassisIdentityCheck.Rejection> rejections = new ArrayList<>();
    private final GatewayProgrammer programmer = new GatewayProgrammer(nb, sb, new GatewayChooser(n -> java.util.Map.of()),
            health, new ChassisIdentityCheck(sb::encapIps, () -> nodes, rejections::add),
            new UnreadableResources(Set.of(L2Gateway.class), u -> { }));

    private static ChassisInfo agent(String name, String heartbeat) {
        return new ChassisInfo(name, name, Set.of("physnet1"), true, Optional.of(heartbeat), false);
    }

    private static ChassisIdentityCheck.NodeFacts node(String name, String address) {
        return new ChassisIdentityCheck.NodeFacts(name, Optional.empty(), Set.of(address));
    }

    private static L2Gateway gateway(String name, String logicalSwitch, Integer vlan) {
        L2Gateway g = new L2Gateway(name, new L2GatewaySpec(logicalSwitch, "physnet1", vlan, null));
        g.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");
        g.getMetadata().setGeneration(1L);
        return g;
    }

    private GatewayOutcome program(L2Gateway gateway) {
        health.observe(sb.chassis());
        return programmer.program(gateway, List.of(gateway));
    }

    @Test
    void anInvalidSpecIsRejectedAndNothingIsWritten() {
        GatewayOutcome outcome = program(gateway("gw", "ls1", 5000));
        assertFalse(outcome.accepted().ok());
        assertEquals(GatewayProgrammer.INVALID_SPEC, outcome.accepted().reason());
        assertTrue(nb.writes().isEmpty());
    }

    @Test
    void aConflictWithAnOlderGatewayIsRejectedAndNothingIsWritten() {
        L2Gateway older = gateway("a-older", "ls1", 10);
        L2Gateway younger = gateway("b-younger", "ls1", 10);
        younger.getMetadata().setCreationTimestamp("2026-01-01T00:00:05Z");
        health.observe(sb.chassis());
        GatewayOutcome outcome = programmer.program(younger, List.of(older, younger));
        assertEquals(SpecConflicts.DUPLICATE_BRIDGE, outcome.accepted().reason());
        assertTrue(nb.writes().isEmpty());
    }

    @Test
    void ovnOutOfReachThrowsSoTheLastKnownStatusStays() {
        sb.setConnected(false);
        assertThrows(OvnUnavailableException.class, () -> program(gateway("gw", "ls1", 10)));
        sb.setConnected(true);
        nb.setConnected(false);
        assertThrows(OvnUnavailableException.class, () -> program(gateway("gw", "ls1", 10)));
    }

    @Test
    void aMissingOrAmbiguousSwitchIsRejected() {
        assertEquals(GatewayProgrammer.SWITCH_NOT_FOUND, program(gateway("gw", "nope", 10)).accepted().reason());
        nb.withSwitch("twice").withSwitch("twice");
        assertEquals(GatewayProgrammer.SWITCH_AMBIGUOUS, program(gateway("gw", "twice", 10)).accepted().reason());
        assertTrue(nb.writes().isEmpty());
    }

    @Test
    void aPortNameSomeoneElseUsesIsNeverTakenOver() {
        nb.withForeignPort(PORT, "ls1");
        GatewayOutcome outcome = program(gateway("gw", "ls1", 10));
        assertEquals(GatewayProgrammer.PORT_NAME_TAKEN, outcome.accepted().reason());
        assertTrue(nb.writes().isEmpty());
    }

    @Test
    void withoutAChassisProvidingTheNetworkNothingIsWritten() {
        sb.withoutChassis("gw1").withoutChassis("gw2");
        GatewayOutcome outcome = program(gateway("gw", "ls1", 10));
        assertTrue(outcome.accepted().ok());
        assertEquals(GatewayChooser.NETWORK_UNAVAILABLE, outcome.programmed().reason());
        assertEquals(GatewayChooser.NETWORK_UNAVAILABLE, outcome.bound().reason());
        assertTrue(nb.writes().isEmpty());
    }

    @Test
    void aChosenGatewayIsWrittenWithItsStandbysThenWaitsForNorthd() {
        GatewayOutcome outcome = program(gateway("gw", "ls1", 10));
        assertEquals(List.of(new DesiredGatewayPort("gw", "ls1", "physnet1", 10, "gw1", List.of("gw1", "gw2"))),
                nb.writes());
        assertEquals("WaitingForPortBinding", outcome.programmed().reason());
        assertEquals(PORT, outcome.logicalPort());
        assertEquals(List.of("gw2"), outcome.standbyNodes());
        assertEquals(null, outcome.gatewayNode());
    }

    @Test
    void theBindingTellsWhetherTheChosenChassisClaimedThePort() {
        sb.withBinding(PORT, Optional.empty(), false);
        GatewayOutcome waiting = program(gateway("gw", "ls1", 10));
        assertTrue(waiting.programmed().ok());
        assertEquals("WaitingForClaim", waiting.bound().reason());

        sb.withBinding(PORT, Optional.of("gw1"), true);
        GatewayOutcome claimed = program(gateway("gw", "ls1", 10));
        assertEquals("Claimed", claimed.bound().reason());
        assertEquals("gw1", claimed.gatewayNode());
        assertEquals(Optional.empty(), claimed.failover());
        assertEquals(Optional.empty(), claimed.degraded());
    }

    @Test
    void aChassisOutsideTheCandidatesHoldingThePortIsAContest() {
        sb.withChassis(new ChassisInfo("hv9", "hv9", Set.of(), false, Optional.empty(), false), "10.0.0.9")
                .withBinding(PORT, Optional.of("hv9"), true);
        GatewayOutcome outcome = program(gateway("gw", "ls1", 10));
        assertEquals(GatewayProgrammer.BINDING_CONTESTED, outcome.bound().reason());
        assertEquals(null, outcome.gatewayNode());
    }

    @Test
    void theChassisANewChoiceTookOffTheCandidatesIsHandingThePortOverNotContestingIt() {
        sb.withBinding(PORT, Optional.of("gw1"), true);
        assertEquals("Claimed", program(gateway("gw", "ls1", 10)).bound().reason());
        // gw1 no longer provides the network: the operator names gw2 alone, gw1 still holds the binding a moment
        sb.withChassis(new ChassisInfo("gw1", "gw1", Set.of(), true, Optional.of("1"), false), "10.0.0.1");
        GatewayOutcome handing = program(gateway("gw", "ls1", 10));
        assertEquals(List.of("gw2"), nb.writes().get(nb.writes().size() - 1).candidates());
        assertEquals("WaitingForClaim", handing.bound().reason());
        assertTrue(handing.bound().message().startsWith("waiting for chassis gw1, a gateway candidate before the last"
                + " change, to release port l2gw-gw to chassis gw2"), handing.bound().message());
        assertEquals("WaitingForClaim", program(gateway("gw", "ls1", 10)).bound().reason(), "still, on the next look");

        sb.withBinding(PORT, Optional.empty(), false); // gw1 released, gw2 not yet claimed: still the handover
        assertEquals("WaitingForClaim", program(gateway("gw", "ls1", 10)).bound().reason());
        sb.withBinding(PORT, Optional.of("gw2"), true);
        GatewayOutcome handed = program(gateway("gw", "ls1", 10));
        assertEquals("Claimed", handed.bound().reason());
        GatewayOutcome.Failover move = handed.failover().orElseThrow();
        assertTrue(move.handover(), "an administrative move, not a failover: " + move);
        assertTrue(move.why().startsWith("chassis gw1 handed the port over to chassis gw2"), move.why());
        // once handed over, the old chassis taking it again is a contest like any other
        sb.withBinding(PORT, Optional.of("gw1"), true);
        assertEquals(GatewayProgrammer.BINDING_CONTESTED, program(gateway("gw", "ls1", 10)).bound().reason());
    }

    @Test
    void aChassisTakenOffTheCandidatesBecauseItFailedIsFailedOverFromNotContesting() {
        // gw1: ovn-controller's chassis with our agent beside it (companion), which runs no BFD with the agents
        sb.withChassis(new ChassisInfo("gw1", "gw1", Set.of("physnet1"), false, Optional.of("1"), true), "10.0.0.1")
                .withBinding(PORT, Optional.of("gw1"), true);
        program(gateway("gw", "ls1", 10));
        // gw1's agent stops beating: the operator names gw2, while ovn-controller on gw1 still holds the binding
        clock.advance(Duration.ofSeconds(10));
        sb.withChassis(agent("gw2", "2"), "10.0.0.2");
        GatewayOutcome failing = program(gateway("gw", "ls1", 10));
        assertEquals("gw2", nb.writes().get(nb.writes().size() - 1).chassisName());
        assertFalse(nb.writes().get(nb.writes().size() - 1).candidates().contains("gw1"));
        assertEquals("WaitingForClaim", failing.bound().reason(), failing.bound().message());
        assertTrue(failing.bound().message().startsWith("waiting for chassis gw2 on node gw2 to take port l2gw-gw over"
                + " from chassis gw1 ("), failing.bound().message());

        sb.withBinding(PORT, Optional.of("gw2"), true);
        GatewayOutcome.Failover move = program(gateway("gw", "ls1", 10)).failover().orElseThrow();
        assertFalse(move.handover(), "a failover: " + move);
        assertTrue(move.why().contains("heartbeat"), move.why());
    }

    @Test
    void aTakeoverIsReportedOnceAsAFailoverAndKeptInTheBoundMessage() {
        sb.withBinding(PORT, Optional.of("gw1"), true);
        program(gateway("gw", "ls1", 10));
        // gw1's agent stops beating; gw2's keeps beating and its gateway takes the port over
        clock.advance(Duration.ofSeconds(10));
        sb.withChassis(agent("gw2", "2"), "10.0.0.2").withBinding(PORT, Optional.of("gw2"), true);
        GatewayOutcome moved = program(gateway("gw", "ls1", 10));
        GatewayOutcome.Failover failover = moved.failover().orElseThrow();
        assertFalse(failover.handover(), "gw1 stopped beating: a failover");
        assertEquals("gw1", failover.fromNode());
        assertEquals("gw2", failover.toNode());
        assertTrue(failover.why().contains("heartbeat"), failover.why());
        assertEquals("gw2", moved.gatewayNode());
        assertEquals("gw2", nb.writes().get(nb.writes().size() - 1).chassisName());

        GatewayOutcome after = program(gateway("gw", "ls1", 10));
        assertEquals(Optional.empty(), after.failover());
        assertTrue(after.bound().message().contains("moved from gw1"), after.bound().message());
    }

    @Test
    void aSilentAgentStillHoldingThePortStaysChosenAndTheGatewayIsDegraded() {
        sb.withBinding(PORT, Optional.of("gw1"), true);
        program(gateway("gw", "ls1", 10));
        clock.advance(Duration.ofSeconds(10)); // neither agent beats any more; BFD between the gateways decides, not we
        GatewayOutcome outcome = program(gateway("gw", "ls1", 10));
        assertEquals("Claimed", outcome.bound().reason());
        assertEquals("gw1", outcome.gatewayNode());
        assertTrue(outcome.degraded().orElseThrow().contains("restart the node agent on gw1"));
    }

    @Test
    void withNoHealthyChassisAnUnclaimedPortIsKeptWhereItIs() {
        program(gateway("gw", "ls1", 10));
        int writes = nb.writes().size();
        sb.withBinding(PORT, Optional.empty(), false);
        clock.advance(Duration.ofSeconds(10));
        GatewayOutcome outcome = program(gateway("gw", "ls1", 10));
        assertTrue(outcome.programmed().ok(), outcome.programmed().message());
        assertTrue(outcome.programmed().message().contains("kept on gw1"), outcome.programmed().message());
        assertEquals("GatewayNodeUnhealthy", outcome.bound().reason());
        assertEquals(null, outcome.gatewayNode());
        assertEquals(writes, nb.writes().size());
    }

    @Test
    void aChassisWhoseTunnelEndpointIsNotItsNodesIsNotChosenAndIsReported() {
        nodes.set(0, node("gw1", "192.0.2.1"));
        GatewayOutcome outcome = program(gateway("gw", "ls1", 10));
        assertEquals("gw2", nb.writes().get(0).chassisName());
        assertEquals(List.of(), outcome.standbyNodes());
        assertEquals(List.of("gw1"), rejections.stream().map(r -> r.chassis().name()).toList());
    }
}
