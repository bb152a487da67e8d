package org.ovnl2gw.ovsdb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable row of one table, holding the columns that were fetched or monitored. Getters check the
 * column against the table schema and the requested Java type and fail with an
 * {@link IllegalArgumentException} naming table and column.
 */
public final class Row {
    private final TableSchema table;
    private final Uuid uuid;
    private final Map<String, Object> values;

    Row(TableSchema table, Uuid uuid, Map<String, Object> values) {
        this.table = table;
        this.uuid = uuid;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String table() {
        return table.name();
    }

    TableSchema tableSchema() {
        return table;
    }

    public Uuid uuid() {
        return uuid;
    }

    /** Columns present in this row (those fetched or monitored). */
    public Set<String> columns() {
        return values.keySet();
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** Raw typed value, for this package only: outside callers use the typed getters. */
    Object value(String column) {
        ColumnSchema c = table.column(column);
        Object v = values.get(column);
        if (v == null) {
            throw new IllegalArgumentException(table.name() + "." + column + " was not fetched/monitored in this row");
        }
        Objects.requireNonNull(c);
        return v;
    }

    Map<String, Object> values() {
        return values;
    }

    private <T> T scalar(String column, Class<T> type) {
        ColumnSchema c = table.column(column);
        if (!c.type().isScalar() || c.type().key().atomicType().javaType() != type) {
            throw wrongType(c, "a single " + type.getSimpleName());
        }
        return type.cast(value(column));
    }

    private <T> Optional<T> optional(String column, Class<T> type) {
        ColumnSchema c = table.column(column);
        if (c.type().isScalar()) {
            return Optional.of(scalar(column, type));
        }
        if (!c.type().isSet() || c.type().max() != 1 || c.type().key().atomicType().javaType() != type) {
            throw wrongType(c, "an optional " + type.getSimpleName());
        }
        Set<?> set = (Set<?>) value(column);
        return set.stream().findFirst().map(type::cast);
    }

    private IllegalArgumentException wrongType(ColumnSchema c, String wanted) {
        return new IllegalArgumentException(table.name() + "." + c.name() + " is " + c.type() + ", not " + wanted);
    }

    public String getString(String column) {
        return scalar(column, String.class);
    }

    public long getLong(String column) {
        return scalar(column, Long.class);
    }

    public boolean getBoolean(String column) {
        return scalar(column, Boolean.class);
    }

    public Uuid getUuid(String column) {
        return scalar(column, Uuid.class);
    }

    public Optional<String> getOptionalString(String column) {
        return optional(column, String.class);
    }

    public Optional<Long> getOptionalLong(String column) {
        return optional(column, Long.class);
    }

    public Optional<Boolean> getOptionalBoolean(String column) {
        return optional(column, Boolean.class);
    }

    public Optional<Uuid> getOptionalUuid(String column) {
        return optional(column, Uuid.class);
    }

    /** A set column (any bounds) of the given element type. */
    private <T> Set<T> getSet(String column, Class<T> elementType) {
        ColumnSchema c = table.column(column);
        if (c.type().isMap() || c.type().key().atomicType().javaType() != elementType) {
            throw wrongType(c, "a set of " + elementType.getSimpleName());
        }
        if (c.type().isScalar()) {
            return Set.of(elementType.cast(value(column)));
        }
        @SuppressWarnings("unchecked")
        Set<T> set = (Set<T>) value(column);
        return set;
    }

    public Set<String> getStringSet(String column) {
        return getSet(column, String.class);
    }

    public Set<Uuid> getUuidSet(String column) {
        return getSet(column, Uuid.class);
    }

    /** A map column with the given key and value types. */
    private <K, V> Map<K, V> getMap(String column, Class<K> keyType, Class<V> valueType) {
        ColumnSchema c = table.column(column);
        if (!c.type().isMap() || c.type().key().atomicType().javaType() != keyType
                || c.type().value().get().atomicType().javaType() != valueType) {
            throw wrongType(c, "a map<" + keyType.getSimpleName() + "," + valueType.getSimpleName() + ">");
        }
        @SuppressWarnings("unchecked")
        Map<K, V> map = (Map<K, V>) value(column);
        return map;
    }

    public Map<String, String> getStringMap(String column) {
        return getMap(column, String.class, String.class);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.table.name().equals(table.name()) && r.uuid.equals(uuid) && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table.name(), uuid, values);
    }

    @Override
    public String toString() {
        return table.name() + "[" + uuid + "]" + values;
    }
}
