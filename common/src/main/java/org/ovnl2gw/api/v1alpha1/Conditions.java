package org.ovnl2gw.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Operations on a list of conditions, one per type. Kept pure (lists in, lists out) so the
 * status code can compute a new status and compare it with the old one before patching.
 */
public final class Conditions {

    private Conditions() {
    }

    /**
     * The list with {@code desired} in place of the condition of the same type (appended if
     * there is none). When the status did not change the old lastTransitionTime is kept:
     * the time says when the status changed, not when we last looked.
     */
    public static List<Condition> set(List<Condition> current, Condition desired) {
        List<Condition> result = new ArrayList<>(current == null ? List.of() : current);
        for (int i = 0; i < result.size(); i++) {
            Condition existing = result.get(i);
            if (existing.type().equals(desired.type())) {
                boolean statusUnchanged = existing.status().equals(desired.status())
                        && existing.lastTransitionTime() != null;
                result.set(i, statusUnchanged ? desired.withLastTransitionTime(existing.lastTransitionTime()) : desired);
                return List.copyOf(result);
            }
        }
        result.add(desired);
        return List.copyOf(result);
    }

    /** The condition of that type, if present. */
    public static Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    /** Whether the condition of that type is present with status "True". */
    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(Condition::isTrue).orElse(false);
    }
}
