package org.ovnl2gw.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects {@link SpecProblem}s while a spec is walked. Each check mirrors one schema keyword
 * (required, maxLength, pattern, minimum/maximum) so that code and CRD reject the same input.
 */
final class SpecChecker {

    private final List<SpecProblem> problems = new ArrayList<>();

    void problem(String path, String message) {
        problems.add(new SpecProblem(path, message));
    }

    /** Checks a required string; returns whether it is present so callers can skip further checks. */
    boolean required(String path, Object value) {
        if (value == null || (value instanceof String text && text.isEmpty())) {
            problem(path, "is required");
            return false;
        }
        return true;
    }

    void text(String path, String value, int maxLength, String pattern, String expectation) {
        if (value.length() > maxLength) {
            problem(path, "must be at most " + maxLength + " characters, got " + value.length());
        }
        if (!Pattern.compile(pattern).matcher(value).matches()) {
            problem(path, "must be " + expectation + ", got \"" + value + "\"");
        }
    }

    void range(String path, int value, int min, int max) {
        if (value < min || value > max) {
            problem(path, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    void maxItems(String path, List<?> values, int max) {
        if (values.size() > max) {
            problem(path, "must have at most " + max + " items, got " + values.size());
        }
    }

    void addAll(List<SpecProblem> more) {
        problems.addAll(more);
    }

    List<SpecProblem> problems() {
        return List.copyOf(problems);
    }
}
