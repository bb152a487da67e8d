package org.ovnl2gw.operator.l2gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.operator.l2gateway.ChassisIdentityCheck.Checked;
import org.ovnl2gw.operator.l2gateway.ChassisIdentityCheck.NodeFacts;
import org.ovnl2gw.operator.ovn.ChassisInfo;

class ChassisIdentityCheckTest {
    private static ChassisInfo agent(String name, String claimedNode) {
        return new ChassisInfo(name, claimedNode, Set.of("physnet1"), true, Optional.of("1"));
    }

    private static NodeFacts node(String name, String... addresses) {
        return new NodeFacts(name, Optional.empty(), Set.of(addresses));
    }

    private static NodeFacts annotated(String name, String chassis, String... addresses) {
        return new NodeFacts(name, Optional.of(chassis), Set.of(addresses));
    }

    private static Checked check(List<ChassisInfo> chassis, Map<String, Set<String>> encaps, NodeFacts... nodes) {
        return ChassisIdentityCheck.check(chassis, encaps, List.of(nodes));
    }

    private static String onlyRejection(Checked checked) {
        assertEquals(List.of(), checked.admitted());
        assertEquals(1, checked.rejected().size(), checked.rejected().toString());
        return checked.rejected().get(0).message();
    }

    @Test
    void aChassisNamedAsItsNodeWithItsEncapAmongTheNodesAddressesIsAdmitted() {
        Checked checked = check(List.of(agent("gw1", "gw1")), Map.of("gw1", Set.of("192.168.0.3")),
                node("gw1", "192.168.0.3", "gw1.example"));
        assertEquals(List.of(agent("gw1", "gw1")), checked.admitted());
        assertEquals(List.of(), checked.rejected());
    }

    @Test
    void anAnnotatedNodeTiesAChassisOfAnotherName() {
        Checked checked = check(List.of(agent("chassis-7f3a", "worker-1")), Map.of("chassis-7f3a", Set.of("10.0.0.5")),
                annotated("worker-1", "chassis-7f3a", "10.0.0.5"));
        assertEquals("worker-1", checked.admitted().get(0).nodeName());
        // the node name it publishes is not needed when the annotation ties it
        Checked silent = check(List.of(agent("chassis-7f3a", "chassis-7f3a")), Map.of("chassis-7f3a", Set.of("10.0.0.5")),
                annotated("worker-1", "chassis-7f3a", "10.0.0.5"));
        assertEquals("worker-1", silent.admitted().get(0).nodeName());
    }

    @Test
    void aChassisClaimingAnotherNodeIsRejected() {
        // the case: any chassis certificate registers a chassis that says it is worker-1
        String message = onlyRejection(check(List.of(agent("evil", "worker-1")), Map.of("evil", Set.of("192.168.0.3")),
                node("worker-1", "192.168.0.3")));
        assertEquals("chassis evil is tied to no Node: there is no Node named evil and no Node is annotated "
                + "l2gw.ovn.org/chassis=evil", message);
        String named = onlyRejection(check(List.of(agent("gw2", "gw1")), Map.of("gw2", Set.of("192.168.0.4")),
                node("gw1", "192.168.0.3"), node("gw2", "192.168.0.4")));
        assertEquals("chassis gw2 says it is node gw1 but is tied to Node gw2", named);
    }

    @Test
    void theEncapMustBeOneOfTheNodesAddresses() {
        assertEquals("chassis gw1 has encap IP 10.9.9.9, not among Node gw1's addresses (192.168.0.3)",
                onlyRejection(check(List.of(agent("gw1", "gw1")), Map.of("gw1", Set.of("10.9.9.9")), node("gw1", "192.168.0.3"))));
        assertEquals("chassis gw1 has encap IP none, not among Node gw1's addresses (192.168.0.3)",
                onlyRejection(check(List.of(agent("gw1", "gw1")), Map.of(), node("gw1", "192.168.0.3"))));
        assertEquals("chassis gw1 has encap IP 192.168.0.3, not among Node gw1's addresses (none)",
                onlyRejection(check(List.of(agent("gw1", "gw1")), Map.of("gw1", Set.of("192.168.0.3")), node("gw1"))));
    }

    @Test
    void aNodeAnnotatedWithAnotherChassisIsNotTiedByName() {
        assertTrue(onlyRejection(check(List.of(agent("gw1", "gw1")), Map.of("gw1", Set.of("192.168.0.3")),
                annotated("gw1", "chassis-x", "192.168.0.3"))).contains("Node gw1 is annotated l2gw.ovn.org/chassis=chassis-x"));
        assertTrue(onlyRejection(check(List.of(agent("c1", "c1")), Map.of("c1", Set.of("10.0.0.1")),
                annotated("a", "c1", "10.0.0.1"), annotated("b", "c1", "10.0.0.1")))
                .contains("is named by the l2gw.ovn.org/chassis annotation of several Nodes (a, b)"));
    }

    @Test
    void chassisOfOvnControllerPassUnchecked() {
        ChassisInfo hv = new ChassisInfo("hv1", "hv1", Set.of(), false, Optional.empty());
        assertEquals(List.of(hv), check(List.of(hv), Map.of()).admitted());
    }

    @Test
    void theConditionNamesTheRejectedChassisOnlyWhereItMatters() {
        Checked checked = check(List.of(agent("evil", "worker-1")), Map.of("evil", Set.of("1.1.1.1")));
        Verdict none = Verdict.fail(GatewayChooser.NETWORK_UNAVAILABLE, "no node agent publishes a bridge mapping for network physnet1");
        Verdict explained = checked.explain("physnet1", none);
        assertEquals(ChassisIdentityCheck.MISMATCH, explained.reason());
        assertTrue(explained.message().startsWith("only chassis that fail the identity check provide network physnet1: "
                + "chassis evil is tied to no Node"), explained.message());
        Verdict unhealthy = Verdict.fail(GatewayChooser.NO_ELIGIBLE_NODE, "no healthy node provides network physnet1: x");
        assertTrue(checked.explain("physnet1", unhealthy).message().startsWith(unhealthy.message()
                + "; not admitted: chassis evil"), checked.explain("physnet1", unhealthy).message());
        assertEquals(none, checked.explain("physnet2", none));
    }

    @Test
    void eachProblemIsReportedOnceWhileItLasts() {
        List<String> reports = new ArrayList<>();
        Map<String, Set<String>> encaps = new java.util.HashMap<>(Map.of("gw1", Set.of("10.9.9.9")));
        List<NodeFacts> nodes = List.of(node("gw1", "192.168.0.3"));
        ChassisIdentityCheck check = new ChassisIdentityCheck(() -> encaps, () -> nodes,
                r -> reports.add(r.nodeName() + ": " + r.message()));
        check.check(List.of(agent("gw1", "gw1")));
        check.check(List.of(agent("gw1", "gw1")));
        assertEquals(1, reports.size(), reports.toString());
        encaps.put("gw1", Set.of("192.168.0.3"));
        assertEquals(1, check.check(List.of(agent("gw1", "gw1"))).admitted().size());
        encaps.put("gw1", Set.of("10.9.9.9"));
        check.check(List.of(agent("gw1", "gw1")));
        assertEquals(2, reports.size(), "reported again after it was fixed and came back: " + reports);
        assertTrue(reports.get(0).startsWith("gw1: chassis gw1 has encap IP 10.9.9.9"), reports.get(0));
    }
}
