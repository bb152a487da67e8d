package org.ovnl2gw.api.v1alpha1;

import java.util.Objects;

/**
 * One thing wrong with a spec, named by the field path a user would look at
 * (for example {@code spec.mappings[1].bridge}) and a sentence saying what is wrong.
 */
public record SpecProblem(String path, String message) {

    public SpecProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
