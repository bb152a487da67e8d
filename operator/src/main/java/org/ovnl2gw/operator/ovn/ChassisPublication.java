package org.ovnl2gw.operator.ovn;

import java.util.Map;

/**
 * The entries a chassis publishes where the agent writes them ({@code Chassis:other_config}, or a companion's
 * {@code Chassis_Private:external_ids}), and the external_ids that say whether our agent wrote them.
 */
public record ChassisPublication(String chassis, Map<String, String> entries, Map<String, String> externalIds) {
    public ChassisPublication {
        entries = Map.copyOf(entries);
        externalIds = Map.copyOf(externalIds);
    }
}
