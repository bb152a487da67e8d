package org.ovnl2gw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes may carry an L2Gateway, and which of them to prefer. The operator picks the
 * first preferred node that is eligible and healthy, else any eligible node.
 *
 * <p>The selector is fabric8's mutable {@link LabelSelector}; treat it as read-only.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GatewayNodes(
        @JsonPropertyDescription("Label selector (matchLabels and matchExpressions with In, NotIn, Exists, "
                + "DoesNotExist) a node must match to be a gateway candidate. Omit or leave empty to allow "
                + "every node.")
        LabelSelector nodeSelector,

        @Size(max = FieldRules.MAX_PREFERRED_NODES)
        @JsonPropertyDescription("Node names in order of preference. The first one that matches the selector, "
                + "provides the network and is healthy is chosen; other matching nodes are fallbacks.")
        List<@Size(min = 1, max = FieldRules.NODE_NAME_MAX_LENGTH) @Pattern(FieldRules.NODE_NAME_PATTERN) String> preferredNodes) {

    /** No constraint: every node is a candidate, none preferred. */
    public static final GatewayNodes ANY = new GatewayNodes(null, List.of());

    public GatewayNodes {
        // Nulls inside the list are kept (and reported by validation) rather than failing deserialization.
        preferredNodes = preferredNodes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(preferredNodes));
    }

    /** Whether a node with these labels may be the gateway. */
    public boolean admits(Map<String, String> nodeLabels) {
        return LabelSelectors.matches(nodeSelector, nodeLabels);
    }

    void check(SpecChecker checker, String path) {
        checker.addAll(LabelSelectors.problems(nodeSelector, path + ".nodeSelector"));
        checker.maxItems(path + ".preferredNodes", preferredNodes, FieldRules.MAX_PREFERRED_NODES);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < preferredNodes.size(); i++) {
            String itemPath = path + ".preferredNodes[" + i + "]";
            String node = preferredNodes.get(i);
            if (!checker.required(itemPath, node)) {
                continue;
            }
            checker.text(itemPath, node, FieldRules.NODE_NAME_MAX_LENGTH, FieldRules.NODE_NAME_PATTERN,
                    "a node name (lowercase DNS-1123 subdomain)");
            if (!seen.add(node)) {
                checker.problem(itemPath, "node \"" + node + "\" is listed twice");
            }
        }
    }
}
