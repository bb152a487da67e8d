package org.ovnl2gw.agent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ovnl2gw.agent.dataplane.GatewayRoles.Role.ACTIVE;
import static org.ovnl2gw.agent.dataplane.GatewayRoles.Role.CLAIM;
import static org.ovnl2gw.agent.dataplane.GatewayRoles.Role.NONE;
import static org.ovnl2gw.agent.dataplane.GatewayRoles.Role.RELEASE;
import static org.ovnl2gw.agent.dataplane.GatewayRoles.Role.STANDBY;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.dataplane.GatewayRoles.Role;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;

class GatewayRolesTest {
    private static final PeerLiveness ALL = PeerLiveness.ALL_ALIVE;

    private static LogicalPort port(String bound, String named, String... candidates) {
        return new LogicalPort("l2gw-x", "dp", 3, "l2gateway", Optional.ofNullable(bound), List.of(),
                Optional.of("physnet1"), Optional.ofNullable(named), 0, List.of(candidates), Map.of());
    }

    private static Role role(LogicalPort port, String me, PeerLiveness liveness) {
        return GatewayRoles.decide(port, me, liveness, Optional.empty());
    }

    private static PeerLiveness down(String... chassis) {
        return new PeerLiveness(Set.of(chassis));
    }

    @Test
    void onlyAnUnboundPortWithNoOtherCandidateIsUncontested() {
        assertEquals(true, GatewayRoles.uncontested(port(null, "gw1"), "gw1"), "named, no candidates");
        assertEquals(true, GatewayRoles.uncontested(port(null, "gw1", "gw1"), "gw1"), "itself the only candidate");
        assertEquals(false, GatewayRoles.uncontested(port(null, "gw1", "gw1", "gw2"), "gw1"), "a standby may take it");
        assertEquals(false, GatewayRoles.uncontested(port("gw2", "gw1"), "gw1"), "bound elsewhere: a move");
        assertEquals(false, GatewayRoles.uncontested(port(null, "gw2"), "gw1"), "named another chassis");
        assertEquals(false, GatewayRoles.uncontested(port(null, null), "gw1"), "no candidate at all");
    }

    @Test
    void theNamedChassisClaimsAnUnboundPortAndTheStandbyWaits() {
        LogicalPort unbound = port(null, "gw1", "gw1", "gw2");
        assertEquals(CLAIM, role(unbound, "gw1", ALL));
        assertEquals(STANDBY, role(unbound, "gw2", ALL));
        assertEquals(NONE, role(unbound, "gw3", ALL));
    }

    @Test
    void aStandbyTakesOverOnlyWhenBfdSaysTheActiveIsDown() {
        LogicalPort boundToGw1 = port("gw1", "gw1", "gw1", "gw2", "gw3");
        assertEquals(ACTIVE, role(boundToGw1, "gw1", ALL));
        assertEquals(STANDBY, role(boundToGw1, "gw2", ALL));
        assertEquals(CLAIM, role(boundToGw1, "gw2", down("gw1")));
        assertEquals(STANDBY, role(boundToGw1, "gw3", down("gw1")), "gw2 ranks first and is alive");
        assertEquals(CLAIM, role(boundToGw1, "gw3", down("gw1", "gw2")));
    }

    @Test
    void theNewActiveKeepsThePortWhileTheNamedChassisIsDownOrReturnsAfterItsTakeover() {
        LogicalPort tookOver = port("gw2", "gw1", "gw1", "gw2");
        assertEquals(ACTIVE, role(tookOver, "gw2", down("gw1")));
        assertEquals(ACTIVE, GatewayRoles.decide(tookOver, "gw2", ALL, Optional.of("gw1")),
                "gw1 came back before the operator named gw2: no hand-back, no frame lost");
        assertEquals(STANDBY, role(tookOver, "gw1", ALL), "an alive incumbent is never preempted");
    }

    @Test
    void aClaimIsEvidenceOfLifeWhenBfdCannotTellOtherwise() {
        LogicalPort takenByGw2 = port("gw2", "gw1", "gw1", "gw2");
        assertEquals(STANDBY, GatewayRoles.decide(takenByGw2, "gw1", down("gw2"), Optional.empty(), false),
                "gw1 never saw gw2's BFD forward since gw2 took the port: no tug of war");
        assertEquals(CLAIM, GatewayRoles.decide(takenByGw2, "gw1", down("gw2"), Optional.empty(), true),
                "gw2 was seen up while holding the port, then went down: take it");
    }

    @Test
    void anAdministrativeMoveReleasesThenTheNamedChassisClaims() {
        LogicalPort moving = port("gw1", "gw2", "gw2", "gw1");
        assertEquals(RELEASE, role(moving, "gw1", ALL));
        assertEquals(STANDBY, role(moving, "gw2", ALL), "waits for gw1 to let go");
        assertEquals(CLAIM, role(port(null, "gw2", "gw2", "gw1"), "gw2", ALL));
    }

    @Test
    void upstreamSemanticsWithoutCandidates() {
        assertEquals(ACTIVE, role(port("gw1", null), "gw1", ALL), "a binding made by hand is served");
        assertEquals(RELEASE, role(port("gw1", "gw2"), "gw1", ALL), "the option points elsewhere");
        assertEquals(CLAIM, role(port("gw1", "gw2"), "gw2", ALL), "gw1 is no candidate: the named one takes it");
        assertEquals(CLAIM, role(port(null, "gw1"), "gw1", ALL));
    }

    @Test
    void aChassisOvnControllerServesIsNeverClaimedForNorWaitedFor() {
        PeerLiveness oc = new PeerLiveness(Set.of("oc"), Set.of(), Map.of(), Set.of("oc"));
        assertEquals(STANDBY, role(port(null, "oc", "oc", "gw2"), "gw2", oc),
                "named: ovn-controller claims it, BFD (which it does not run) is no reason to claim ahead of it");
        assertEquals(STANDBY, role(port("oc", "oc", "oc", "gw2"), "gw2", oc), "no takeover from it by BFD");
        assertEquals(CLAIM, role(port("gw1", "gw1", "gw1", "oc", "gw2"), "gw2",
                        new PeerLiveness(Set.of("gw1"), Set.of(), Map.of(), Set.of("oc"))),
                "an unnamed ovn-controller chassis cannot take over: the agent after it does, by BFD");
        assertEquals(RELEASE, role(port("gw1", "oc", "oc", "gw1"), "gw1", oc),
                "the operator moved the port to ovn-controller's chassis: let go, it claims");
        assertEquals(CLAIM, role(port("oc", "gw2", "gw2"), "gw2", oc),
                "moved off an ovn-controller chassis no longer a candidate: the named agent takes it");
    }

    @Test
    void peersAreTheOtherCandidatesOfOurPorts() {
        List<LogicalPort> ports = List.of(port("gw1", "gw1", "gw1", "gw2"), port(null, "gw3", "gw3", "gw4"));
        assertEquals(Set.of("gw2"), GatewayRoles.peers(ports, "gw1"));
        assertEquals(Set.of("gw3"), GatewayRoles.peers(ports, "gw4"));
    }
}
