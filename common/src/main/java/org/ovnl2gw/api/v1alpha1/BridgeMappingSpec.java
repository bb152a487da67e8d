package org.ovnl2gw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes get which physical networks. The node agents on selected nodes create the
 * bridges, attach the uplinks and add the entries to {@code ovn-bridge-mappings}.
 *
 * <p>The selector is fabric8's mutable {@link LabelSelector}; treat it as read-only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// On the type, not the component (see NetworkMapping). maxItems on mappings bounds the
// quadratic cost the API server estimates for this rule.
@ValidationRule(value = "!has(self.mappings) || self.mappings.all(m, self.mappings.exists_one(n, "
        + "n.networkName == m.networkName))", fieldPath = ".mappings", message = FieldRules.DUPLICATE_NETWORK_MESSAGE)
public record BridgeMappingSpec(
        @JsonPropertyDescription("Label selector (matchLabels and matchExpressions with In, NotIn, Exists, "
                + "DoesNotExist) choosing the nodes these mappings apply to. Omit or leave empty to select "
                + "every node.")
        LabelSelector nodeSelector,

        @Required
        @Size(min = 1, max = FieldRules.MAX_MAPPINGS)
        @JsonPropertyDescription("Physical networks to provide on the selected nodes, one entry per network name.")
        List<NetworkMapping> mappings) {

    public BridgeMappingSpec {
        // Nulls inside the list are kept (and reported by validation) rather than failing deserialization.
        mappings = mappings == null ? null : Collections.unmodifiableList(new ArrayList<>(mappings));
    }

    /** Whether a node with these labels gets these mappings. */
    public boolean selects(Map<String, String> nodeLabels) {
        return LabelSelectors.matches(nodeSelector, nodeLabels);
    }

    /** The same checks the CRD schema declares, for API servers that do not enforce it. */
    public List<SpecProblem> validate() {
        SpecChecker checker = new SpecChecker();
        checker.addAll(LabelSelectors.problems(nodeSelector, "spec.nodeSelector"));
        if (mappings == null || mappings.isEmpty()) {
            checker.problem("spec.mappings", "at least one mapping is required");
            return checker.problems();
        }
        checker.maxItems("spec.mappings", mappings, FieldRules.MAX_MAPPINGS);
        Map<String, Integer> firstByNetwork = new HashMap<>();
        Map<String, String> bridgeByUplink = new HashMap<>();
        for (int i = 0; i < mappings.size(); i++) {
            String path = "spec.mappings[" + i + "]";
            NetworkMapping mapping = mappings.get(i);
            if (mapping == null) {
                checker.problem(path, "must not be null");
                continue;
            }
            mapping.check(checker, path);
            if (mapping.networkName() != null) {
                Integer first = firstByNetwork.putIfAbsent(mapping.networkName(), i);
                if (first != null) {
                    checker.problem(path + ".networkName", FieldRules.DUPLICATE_NETWORK_MESSAGE
                            + ": \"" + mapping.networkName() + "\" is also in spec.mappings[" + first + "]");
                }
            }
            // One NIC can be a port of one bridge only; two networks on one bridge are fine.
            if (mapping.uplink() != null && mapping.bridge() != null) {
                String otherBridge = bridgeByUplink.putIfAbsent(mapping.uplink(), mapping.bridge());
                if (otherBridge != null && !otherBridge.equals(mapping.bridge())) {
                    checker.problem(path + ".uplink", "uplink \"" + mapping.uplink()
                            + "\" is already the uplink of bridge " + otherBridge);
                }
            }
        }
        return checker.problems();
    }
}
