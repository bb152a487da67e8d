package org.ovnl2gw.agent.bridge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * OpenFlow port numbers for ports about to be created on a bridge ({@code Interface.ofport_request}), so that the
 * flows using them go in while ovs-vswitchd is still adding the ports, not after it has numbered them: the first
 * frame crosses as soon as both are in. Numbers come from a range of our own at the top of the OpenFlow port
 * space, {@link #FIRST}-{@link #LAST}, never one any interface on the bridge has or asked for. ovs-vswitchd honours
 * a request unless the number is taken by then (a port of someone else's numbered in the same few milliseconds);
 * the pass compares what it numbered with what was asked and corrects the flows at once if they differ.
 */
public final class OfportRequests {
    /** The first number asked for. ovs-vswitchd numbers ports of its own choice upwards from 1. */
    public static final long FIRST = 0xC000;
    /** The last: OFPP_MAX (0xff00) is the first reserved port number. */
    public static final long LAST = 0xFEFF;

    private OfportRequests() {
    }

    /**
     * {@code specs} with a request on each port of {@code bridge} that {@code existing} does not have yet; ports
     * that exist keep the number they have. When the range is used up the rest are left to ovs-vswitchd.
     */
    public static List<PortSpec> assign(List<PortSpec> specs, String bridge, Set<String> existing, Set<Long> taken) {
        Set<Long> used = new HashSet<>(taken);
        List<PortSpec> assigned = new ArrayList<>(specs.size());
        long next = FIRST;
        for (PortSpec spec : specs) {
            if (!spec.bridge().equals(bridge) || existing.contains(spec.name()) || spec.ofportRequest() > 0) {
                assigned.add(spec);
                continue;
            }
            while (next <= LAST && used.contains(next)) {
                next++;
            }
            if (next > LAST) {
                assigned.add(spec);
                continue;
            }
            used.add(next);
            assigned.add(spec.withOfportRequest(next));
        }
        return assigned;
    }
}
