package org.ovnl2gw.operator.ovn;

import java.util.Map;
import org.ovnl2gw.contract.Ownership;

/**
 * How the operator marks what it owns in the Northbound DB (the {@link Ownership} keys of the contract), and the deterministic port name per resource, so
 * that a restarted operator finds its rows by name and mark before creating anything.
 */
public final class OwnershipMark {
    public static final String PORT_PREFIX = "l2gw-";

    private OwnershipMark() {
    }

    /** The logical port an L2Gateway owns: {@code l2gw-<name>}. */
    public static String portName(String resourceName) {
        return PORT_PREFIX + resourceName;
    }

    /** The external_ids entries that mark a row as ours for one resource. */
    public static Map<String, String> externalIds(String resourceName) {
        return Map.of(Ownership.OWNER_KEY, Ownership.OPERATOR, Ownership.RESOURCE_KEY, resourceName);
    }

    /** Whether external_ids say the operator owns the row. */
    public static boolean isOurs(Map<String, String> externalIds) {
        return Ownership.OPERATOR.equals(externalIds.get(Ownership.OWNER_KEY))
                && externalIds.containsKey(Ownership.RESOURCE_KEY);
    }
}
