package org.ovnl2gw.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfportRequestsTest {
    private static PortSpec patch(String bridge, String name) {
        return new PortSpec(bridge, name, "patch", Map.of("peer", name + "-peer"), Map.of());
    }

    @Test
    void newPortsOnTheBridgeGetFreeNumbersFromOurRangeOthersNone() {
        List<PortSpec> specs = List.of(patch("br-int", "a"), patch("br-phys", "a-peer"), patch("br-int", "b"),
                patch("br-int", "c"));
        List<PortSpec> assigned = OfportRequests.assign(specs, "br-int", Set.of("b"),
                Set.of(1L, OfportRequests.FIRST, OfportRequests.FIRST + 2));
        assertEquals(List.of(OfportRequests.FIRST + 1, 0L, 0L, OfportRequests.FIRST + 3),
                assigned.stream().map(PortSpec::ofportRequest).toList(),
                "taken numbers skipped; an existing port and another bridge's port ask for nothing");
    }

    @Test
    void aUsedUpRangeLeavesTheNumberToOvsVswitchd() {
        Set<Long> all = new java.util.HashSet<>();
        for (long n = OfportRequests.FIRST; n <= OfportRequests.LAST; n++) {
            all.add(n);
        }
        assertEquals(0L, OfportRequests.assign(List.of(patch("br-int", "a")), "br-int", Set.of(), all).get(0)
                .ofportRequest());
    }
}
