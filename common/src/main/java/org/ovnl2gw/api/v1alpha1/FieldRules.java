package org.ovnl2gw.api.v1alpha1;

/**
 * The limits a spec must respect, as compile-time constants so that the schema annotations
 * on the model and the checks in {@code validate()} read the very same values.
 *
 * <p>Regular expressions are written in the subset both Java and the API server's RE2 accept.
 */
public final class FieldRules {

    /** The network name goes into {@code ovn-bridge-mappings} ("net:bridge,net:bridge"), so no ',' or ':'. */
    public static final String NETWORK_NAME_PATTERN = "^[^,:\\s]+$";
    public static final int NETWORK_NAME_MAX_LENGTH = 64;

    /** OVN accepts almost any switch name; we refuse whitespace, which is always a mistake in YAML. */
    public static final String LOGICAL_SWITCH_PATTERN = "^\\S+$";
    public static final int LOGICAL_SWITCH_MAX_LENGTH = 253;

    public static final int VLAN_MIN = 1;
    public static final int VLAN_MAX = 4094;

    /**
     * Bridges and uplinks are kernel network devices (a bridge gets an internal port of the
     * same name), so Linux's IFNAMSIZ applies: at most 15 characters. We also keep to the
     * characters interface names use in practice, starting with a letter, digit or '_'
     * (which rules out "." and "..", both refused by the kernel).
     */
    public static final String INTERFACE_NAME_PATTERN = "^[A-Za-z0-9_][A-Za-z0-9_.-]*$";
    public static final int INTERFACE_NAME_MAX_LENGTH = 15;

    /** OVN's integration bridge: mapping a physical network onto it would short-circuit OVN. */
    public static final String INTEGRATION_BRIDGE = "br-int";

    /** Kubernetes node names are DNS-1123 subdomains. */
    public static final String NODE_NAME_PATTERN =
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public static final int NODE_NAME_MAX_LENGTH = 253;

    /** Bounds on lists keep the API server's CEL cost estimate (and our loops) small. */
    public static final int MAX_MAPPINGS = 32;
    public static final int MAX_PREFERRED_NODES = 32;

    /** The same message text is used by the CRD's CEL rules and by the code checks. */
    public static final String DUPLICATE_NETWORK_MESSAGE = "networkName must be unique within one BridgeMapping";
    public static final String INTEGRATION_BRIDGE_MESSAGE = "must not be br-int, OVN's integration bridge";

    private FieldRules() {
    }
}
