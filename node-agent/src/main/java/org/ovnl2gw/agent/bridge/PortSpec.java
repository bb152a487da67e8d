package org.ovnl2gw.agent.bridge;

import java.util.Map;

/** A port (with one interface of the same name) that should exist on a bridge, as we want it. */
public record PortSpec(String bridge, String name, String type, Map<String, String> options,
                       Map<String, String> externalIds) {
    public PortSpec {
        options = Map.copyOf(options);
        externalIds = Map.copyOf(externalIds);
    }
}
