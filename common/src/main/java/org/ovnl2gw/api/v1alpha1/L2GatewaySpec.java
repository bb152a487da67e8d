package org.ovnl2gw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * What an administrator asks for: bridge one OVN logical switch to one physical network
 * (optionally one VLAN on it) through one gateway node.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record L2GatewaySpec(
        @Required
        @Size(min = 1, max = FieldRules.LOGICAL_SWITCH_MAX_LENGTH)
        @Pattern(FieldRules.LOGICAL_SWITCH_PATTERN)
        @PrinterColumn(name = "Switch", priority = 0)
        @JsonPropertyDescription("Name of the OVN Northbound Logical_Switch to bridge. The switch must exist; "
                + "the operator adds one l2gateway port to it and never touches its other ports.")
        String logicalSwitch,

        @Required
        @Size(min = 1, max = FieldRules.NETWORK_NAME_MAX_LENGTH)
        @Pattern(FieldRules.NETWORK_NAME_PATTERN)
        @PrinterColumn(name = "Network", priority = 0)
        @JsonPropertyDescription("Physical network name, as listed in a BridgeMapping and in the nodes' "
                + "ovn-bridge-mappings. No ',', ':' or whitespace, at most 64 characters.")
        String networkName,

        @Min(FieldRules.VLAN_MIN)
        @Max(FieldRules.VLAN_MAX)
        @PrinterColumn(name = "VLAN", priority = 0)
        @JsonPropertyDescription("802.1Q VLAN ID (1-4094) on the physical network. Frames leave tagged with it "
                + "and only frames carrying it enter. Omit to bridge untagged traffic.")
        Integer vlan,

        @JsonPropertyDescription("Which nodes may act as the gateway. Omit to allow every node whose bridge "
                + "mappings provide the network.")
        GatewayNodes gatewayNodes) {

    /** The same checks the CRD schema declares, for API servers that do not enforce it. */
    public List<SpecProblem> validate() {
        SpecChecker checker = new SpecChecker();
        if (checker.required("spec.logicalSwitch", logicalSwitch)) {
            checker.text("spec.logicalSwitch", logicalSwitch, FieldRules.LOGICAL_SWITCH_MAX_LENGTH,
                    FieldRules.LOGICAL_SWITCH_PATTERN, "a name without whitespace");
        }
        NetworkNames.check(checker, "spec.networkName", networkName);
        if (vlan != null) {
            checker.range("spec.vlan", vlan, FieldRules.VLAN_MIN, FieldRules.VLAN_MAX);
        }
        if (gatewayNodes != null) {
            gatewayNodes.check(checker, "spec.gatewayNodes");
        }
        return checker.problems();
    }

    /** Whether a VLAN is requested; absent means untagged. */
    public boolean tagged() {
        return vlan != null;
    }

    /** Gateway node constraints, never null: absent means "any node that provides the network". */
    public GatewayNodes gatewayNodesOrAny() {
        return gatewayNodes == null ? GatewayNodes.ANY : gatewayNodes;
    }
}
