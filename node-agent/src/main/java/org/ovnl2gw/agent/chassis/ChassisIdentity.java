package org.ovnl2gw.agent.chassis;

import java.util.Map;

/**
 * What this node registers as a chassis: its name ({@code system-id}), hostname, Geneve tunnel endpoint,
 * and the {@code other_config} it publishes (effective bridge mappings and our per-mapping status).
 */
public record ChassisIdentity(String name, String hostname, String encapIp, Map<String, String> otherConfig) {
    public ChassisIdentity {
        otherConfig = Map.copyOf(otherConfig);
    }
}
