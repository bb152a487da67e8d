package org.ovnl2gw.agent.bridge;

import java.util.Map;

/**
 * A port (with one interface of the same name) that should exist on a bridge, as we want it; {@code bfd} is the
 * interface's BFD configuration (empty: BFD off).
 */
public record PortSpec(String bridge, String name, String type, Map<String, String> options,
                       Map<String, String> externalIds, Map<String, String> bfd) {
    public PortSpec {
        options = Map.copyOf(options);
        externalIds = Map.copyOf(externalIds);
        bfd = Map.copyOf(bfd);
    }

    public PortSpec(String bridge, String name, String type, Map<String, String> options,
                    Map<String, String> externalIds) {
        this(bridge, name, type, options, externalIds, Map.of());
    }
}
