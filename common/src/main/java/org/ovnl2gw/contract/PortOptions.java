package org.ovnl2gw.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code options} of an l2gateway port: written by the operator on the Northbound Logical_Switch_Port,
 * copied by ovn-northd to the Southbound Port_Binding, read there by the agent.
 */
public final class PortOptions {
    /** The port type of the seed's OVN change. */
    public static final String TYPE = "l2gateway";
    /** The physical network (an {@code ovn-bridge-mappings} network) the port bridges onto. */
    public static final String NETWORK_NAME = "network_name";
    /** The chassis the port is bound to (the seed's option). */
    public static final String L2GATEWAY_CHASSIS = "l2gateway-chassis";
    /** Ours: every eligible gateway chassis in the operator's order of preference, {@link #formatCandidates}. */
    public static final String CANDIDATES = "ovn-l2gw-candidates";

    private PortOptions() {
    }

    /** {@code gw1,gw2}. */
    public static String formatCandidates(List<String> candidates) {
        return String.join(",", candidates);
    }

    /** The candidates in order; blanks and repeats skipped. */
    public static List<String> parseCandidates(String value) {
        List<String> candidates = new ArrayList<>();
        for (String c : (value == null ? "" : value).split(",")) {
            if (!c.isBlank() && !candidates.contains(c.strip())) {
                candidates.add(c.strip());
            }
        }
        return candidates;
    }
}
