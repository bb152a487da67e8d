package org.ovnl2gw.ovsdb;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached rows of one monitored table. Written only by the session's event thread; read from any
 * thread (rows are immutable, the map is concurrent, so a reader sees each row whole).
 */
public final class TableCache {
    private final TableSchema schema;
    private final Map<Uuid, Row> rows = new ConcurrentHashMap<>();

    TableCache(TableSchema schema) {
        this.schema = schema;
    }

    public String table() {
        return schema.name();
    }

    public Optional<Row> get(Uuid uuid) {
        return Optional.ofNullable(rows.get(uuid));
    }

    public Collection<Row> rows() {
        return List.copyOf(rows.values());
    }

    public int size() {
        return rows.size();
    }

    /**
     * Rows whose column equals the value (for a set column: contains it; for a map column: includes
     * all the given entries). The value is checked against the column type.
     */
    public List<Row> findBy(String column, Object value) {
        ColumnType type = schema.column(column).type();
        WireCodec.encodeDatum(new ColumnType(type.key(), type.value(), 0, ColumnType.UNLIMITED),
                value instanceof Map<?, ?> || value instanceof Collection<?> || type.isScalar() ? value : java.util.Set.of(value),
                schema.name() + "." + column);
        Object wanted = value instanceof Integer i ? (Object) i.longValue() : value;
        return rows.values().stream().filter(r -> r.has(column) && matches(type, r.value(column), wanted)).toList();
    }

    /** The one row whose index column has this value (e.g. a Logical_Switch_Port by name). */
    public Optional<Row> findOne(String column, Object value) {
        List<Row> found = findBy(column, value);
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " rows of " + schema.name() + " have " + column + "=" + value);
        }
        return found.stream().findFirst();
    }

    private static boolean matches(ColumnType type, Object current, Object wanted) {
        if (type.isMap()) {
            Map<?, ?> m = (Map<?, ?>) current;
            return ((Map<?, ?>) wanted).entrySet().stream().allMatch(e -> e.getValue().equals(m.get(e.getKey())));
        }
        if (type.isSet()) {
            Collection<?> c = (Collection<?>) current;
            return wanted instanceof Collection<?> w ? c.containsAll(w) : c.contains(wanted);
        }
        return current.equals(wanted);
    }

    Map<Uuid, Row> mutableRows() {
        return rows;
    }
}
