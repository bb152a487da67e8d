package org.ovnl2gw.ovsdb;

import java.util.Objects;
import java.util.UUID;

/** The UUID of an OVSDB row (wire form {@code ["uuid", "..."]}). */
public record Uuid(UUID value) {
    public Uuid {
        Objects.requireNonNull(value, "value");
    }

    public static Uuid parse(String text) {
        return new Uuid(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
