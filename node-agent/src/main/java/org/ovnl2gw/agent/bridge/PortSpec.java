package org.ovnl2gw.agent.bridge;

import java.util.Map;

/**
 * A port (with one interface of the same name) that should exist on a bridge, as we want it; {@code bfd} is the
 * interface's BFD configuration (empty: BFD off); {@code ofportRequest} the OpenFlow port number asked of
 * ovs-vswitchd when the port is created (0: its choice; see {@link OfportRequests}), never changed afterwards.
 */
public record PortSpec(String bridge, String name, String type, Map<String, String> options,
                       Map<String, String> externalIds, Map<String, String> bfd, long ofportRequest) {
    public PortSpec {
        options = Map.copyOf(options);
        externalIds = Map.copyOf(externalIds);
        bfd = Map.copyOf(bfd);
    }

    public PortSpec(String bridge, String name, String type, Map<String, String> options,
                    Map<String, String> externalIds, Map<String, String> bfd) {
        this(bridge, name, type, options, externalIds, bfd, 0);
    }

    public PortSpec(String bridge, String name, String type, Map<String, String> options,
                    Map<String, String> externalIds) {
        this(bridge, name, type, options, externalIds, Map.of(), 0);
    }

    /** This port, created with OpenFlow port number {@code ofport} asked for. */
    public PortSpec withOfportRequest(long ofport) {
        return new PortSpec(bridge, name, type, options, externalIds, bfd, ofport);
    }
}
