package org.ovnl2gw.api.v1alpha1;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates and checks Kubernetes label selectors in process. We cannot hand set-based
 * selectors to the API server: the embedded one silently ignores {@code In}/{@code NotIn}
 * and returns everything, so selection must happen here, on the labels of listed nodes.
 *
 * <p>Semantics follow Kubernetes' {@code metav1.LabelSelectorAsSelector}, except that an
 * absent (null) selector selects everything, like an empty one: in this API an omitted
 * selector means "no constraint".
 */
public final class LabelSelectors {

    public static final String IN = "In";
    public static final String NOT_IN = "NotIn";
    public static final String EXISTS = "Exists";
    public static final String DOES_NOT_EXIST = "DoesNotExist";

    private static final int NAME_MAX_LENGTH = 63;
    private static final int PREFIX_MAX_LENGTH = 253;
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelSelectors() {
    }

    /**
     * Whether labels satisfy every matchLabels entry and every matchExpressions requirement.
     * A malformed requirement (unknown operator) matches nothing, so a typo never widens a
     * selection; {@link #problems} says what is wrong with it.
     */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (wanted.getValue() == null || !wanted.getValue().equals(actual.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                if (requirement == null || !matches(requirement, actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String key = requirement.getKey();
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        boolean present = key != null && labels.containsKey(key);
        String operator = requirement.getOperator() == null ? "" : requirement.getOperator();
        return switch (operator) {
            case IN -> present && values.contains(labels.get(key));
            case NOT_IN -> !present || !values.contains(labels.get(key));
            case EXISTS -> present;
            case DOES_NOT_EXIST -> key != null && !present;
            default -> false;
        };
    }

    /** What is wrong with a selector, by field path; empty when it is well-formed or absent. */
    public static List<SpecProblem> problems(LabelSelector selector, String path) {
        List<SpecProblem> problems = new ArrayList<>();
        if (selector == null) {
            return problems;
        }
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((key, value) -> {
                String entryPath = path + ".matchLabels[" + key + "]";
                checkKey(problems, entryPath, key);
                checkValue(problems, entryPath, value);
            });
        }
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            checkRequirement(problems, path + ".matchExpressions[" + i + "]", expressions.get(i));
        }
        return problems;
    }

    private static void checkRequirement(List<SpecProblem> problems, String path, LabelSelectorRequirement requirement) {
        if (requirement == null) {
            problems.add(new SpecProblem(path, "must not be null"));
            return;
        }
        checkKey(problems, path + ".key", requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        String operator = requirement.getOperator();
        if (IN.equals(operator) || NOT_IN.equals(operator)) {
            if (values.isEmpty()) {
                problems.add(new SpecProblem(path + ".values", "must be non-empty when operator is " + operator));
            }
            for (int i = 0; i < values.size(); i++) {
                checkValue(problems, path + ".values[" + i + "]", values.get(i));
            }
        } else if (EXISTS.equals(operator) || DOES_NOT_EXIST.equals(operator)) {
            if (!values.isEmpty()) {
                problems.add(new SpecProblem(path + ".values", "must be empty when operator is " + operator));
            }
        } else {
            problems.add(new SpecProblem(path + ".operator",
                    "must be one of In, NotIn, Exists, DoesNotExist, got \"" + operator + "\""));
        }
    }

    /** A label key is an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    private static void checkKey(List<SpecProblem> problems, String path, String key) {
        if (key == null || key.isEmpty()) {
            problems.add(new SpecProblem(path, "label key is required"));
            return;
        }
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > PREFIX_MAX_LENGTH || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                problems.add(new SpecProblem(path, "label key prefix \"" + prefix
                        + "\" must be a lowercase DNS subdomain of at most 253 characters"));
            }
        }
        if (name.isEmpty() || name.length() > NAME_MAX_LENGTH || !NAME.matcher(name).matches()) {
            problems.add(new SpecProblem(path, "label key name \"" + name + "\" must be at most 63 characters of "
                    + "alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric"));
        }
    }

    private static void checkValue(List<SpecProblem> problems, String path, String value) {
        if (value == null) {
            problems.add(new SpecProblem(path, "label value must not be null"));
            return;
        }
        if (!value.isEmpty() && (value.length() > NAME_MAX_LENGTH || !NAME.matcher(value).matches())) {
            problems.add(new SpecProblem(path, "label value \"" + value + "\" must be empty or at most 63 characters "
                    + "of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric"));
        }
    }
}
