package org.ovnl2gw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** One physical network on a node: the OVS bridge that carries it and, optionally, its uplink NIC. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// On the type, not the component: Java copies a component's annotations to both field and
// accessor, and the generator would then emit every CEL rule twice.
@ValidationRule(value = "self.bridge != '" + FieldRules.INTEGRATION_BRIDGE + "'", fieldPath = ".bridge",
        message = FieldRules.INTEGRATION_BRIDGE_MESSAGE)
public record NetworkMapping(
        @Required
        @Size(min = 1, max = FieldRules.NETWORK_NAME_MAX_LENGTH)
        @Pattern(FieldRules.NETWORK_NAME_PATTERN)
        @JsonPropertyDescription("Physical network name written into the node's ovn-bridge-mappings and named by "
                + "L2Gateway spec.networkName. No ',', ':' or whitespace, at most 64 characters.")
        String networkName,

        @Required
        @Size(min = 1, max = FieldRules.INTERFACE_NAME_MAX_LENGTH)
        @Pattern(FieldRules.INTERFACE_NAME_PATTERN)
        @JsonPropertyDescription("OVS bridge for the network, created by the node agent if missing (e.g. br-phys). "
                + "At most 15 characters (a Linux interface name); not br-int.")
        String bridge,

        @Size(min = 1, max = FieldRules.INTERFACE_NAME_MAX_LENGTH)
        @Pattern(FieldRules.INTERFACE_NAME_PATTERN)
        @JsonPropertyDescription("Host network interface to attach to the bridge as its uplink (e.g. eth1). Omit "
                + "when the bridge is already connected to the physical network by other means.")
        String uplink) {

    void check(SpecChecker checker, String path) {
        NetworkNames.check(checker, path + ".networkName", networkName);
        if (checker.required(path + ".bridge", bridge)) {
            checkInterfaceName(checker, path + ".bridge", bridge);
            if (FieldRules.INTEGRATION_BRIDGE.equals(bridge)) {
                checker.problem(path + ".bridge", FieldRules.INTEGRATION_BRIDGE_MESSAGE);
            }
        }
        if (uplink != null) {
            checkInterfaceName(checker, path + ".uplink", uplink);
            if (uplink.equals(bridge)) {
                checker.problem(path + ".uplink", "must differ from the bridge name");
            }
        }
    }

    private static void checkInterfaceName(SpecChecker checker, String path, String name) {
        if (name.isEmpty()) {
            checker.problem(path, "must not be empty");
            return;
        }
        checker.text(path, name, FieldRules.INTERFACE_NAME_MAX_LENGTH, FieldRules.INTERFACE_NAME_PATTERN,
                "an interface name (letters, digits, '_', '.', '-'; not starting with '.' or '-')");
    }
}
