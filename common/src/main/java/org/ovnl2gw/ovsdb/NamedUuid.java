package org.ovnl2gw.ovsdb;

import java.util.Objects;

/**
 * A reference to a row inserted earlier in the same transaction (wire form {@code ["named-uuid", name]}).
 * Usable anywhere a {@link Uuid} value is expected while building operations.
 */
public record NamedUuid(String name) {
    public NamedUuid {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("named-uuid must be an identifier: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
