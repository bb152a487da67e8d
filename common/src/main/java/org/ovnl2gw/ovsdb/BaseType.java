package org.ovnl2gw.ovsdb;

import java.util.Optional;
import java.util.Set;

/**
 * The key or value part of a column type: an atomic type with its constraints.
 *
 * @param enumValues allowed values, empty when unconstrained
 * @param refTable the table a uuid refers to, if any
 * @param strongRef true for a strong reference (only meaningful with refTable)
 */
public record BaseType(AtomicType atomicType, Set<Object> enumValues, Optional<String> refTable, boolean strongRef) {
    public BaseType {
        enumValues = Set.copyOf(enumValues);
    }

    public static BaseType of(AtomicType type) {
        return new BaseType(type, Set.of(), Optional.empty(), true);
    }
}
