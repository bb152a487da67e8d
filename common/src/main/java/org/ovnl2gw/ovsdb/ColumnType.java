package org.ovnl2gw.ovsdb;

import java.util.Optional;

/**
 * A column's type: a key type, an optional value type (then the column is a map), and how many
 * elements it holds ({@code max} is {@link #UNLIMITED} for "unlimited").
 */
public record ColumnType(BaseType key, Optional<BaseType> value, long min, long max) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public static ColumnType scalar(AtomicType type) {
        return new ColumnType(BaseType.of(type), Optional.empty(), 1, 1);
    }

    public boolean isMap() {
        return value.isPresent();
    }

    /** Exactly one atom: the Java value is the atom itself. */
    public boolean isScalar() {
        return value.isEmpty() && min == 1 && max == 1;
    }

    /** Zero or more atoms (including optional "0 or 1" columns): the Java value is a Set. */
    public boolean isSet() {
        return value.isEmpty() && !isScalar();
    }

    /** The value a column of this type has when nothing was set (RFC 7047 §5.1). */
    public Object defaultValue() {
        if (isMap()) {
            return java.util.Map.of();
        }
        if (isSet()) {
            return java.util.Set.of();
        }
        return key.atomicType().defaultValue();
    }

    @Override
    public String toString() {
        if (isScalar()) {
            return key.atomicType().wireName();
        }
        String bound = max == UNLIMITED ? "*" : Long.toString(max);
        String what = isMap() ? "map<" + key.atomicType().wireName() + "," + value.get().atomicType().wireName() + ">"
                : "set<" + key.atomicType().wireName() + ">";
        return what + "[" + min + ".." + bound + "]";
    }
}
