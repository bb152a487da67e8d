package org.ovnl2gw.ovsdb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached rows of one monitored table. Written only by the session's event thread; read from any
 * thread (rows are immutable, the map is concurrent, so a reader sees each row whole).
 *
 * <p>{@link #findBy} on a scalar or set column goes through an index of that column (value, or each element of a
 * set, to the rows holding it), made on the first lookup of the column and kept with every change after: a
 * reconcile looks several rows up by name, and scanning 1,000 logical switches and ports for each made half of
 * the operator's time under a burst of 1,000 L2Gateways. Map columns are scanned. The index and the rows change
 * together under the cache's lock, so a lookup sees either the old row or the new one.
 */
public final class TableCache {
    private final TableSchema schema;
    private final Map<Uuid, Row> rows = new ConcurrentHashMap<>();
    /** column -> value or set element -> uuids of the rows holding it; guarded by this. */
    private final Map<String, Map<Object, Set<Uuid>>> indexes = new HashMap<>();

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
        Object key = indexKey(type, wanted);
        if (key == null) {
            return rows.values().stream().filter(r -> r.has(column) && matches(type, r.value(column), wanted)).toList();
        }
        List<Row> found = new ArrayList<>();
        synchronized (this) {
            for (Uuid uuid : indexOf(column).getOrDefault(key, Set.of())) {
                Row r = rows.get(uuid);
                if (r != null && r.has(column) && matches(type, r.value(column), wanted)) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    /** The index entry a lookup of {@code wanted} starts from, or null when the lookup scans. */
    private static Object indexKey(ColumnType type, Object wanted) {
        if (type.isMap()) {
            return null;
        }
        if (type.isSet() && wanted instanceof Collection<?> c) {
            // every row holds all of nothing
            return c.isEmpty() ? null : c.iterator().next();
        }
        return wanted;
    }

    private Map<Object, Set<Uuid>> indexOf(String column) {
        Map<Object, Set<Uuid>> index = indexes.get(column);
        if (index == null) {
            index = new HashMap<>();
            for (Map.Entry<Uuid, Row> e : rows.entrySet()) {
                for (Object k : indexKeys(column, e.getValue())) {
                    index.computeIfAbsent(k, x -> new HashSet<>()).add(e.getKey());
                }
            }
            indexes.put(column, index);
        }
        return index;
    }

    private static Collection<?> indexKeys(String column, Row r) {
        if (!r.has(column)) {
            return List.of();
        }
        Object v = r.value(column);
        return v instanceof Collection<?> c ? c : List.of(v);
    }

    /** Stores {@code row} under {@code uuid} (the event thread only). */
    synchronized void put(Uuid uuid, Row row) {
        Row before = rows.put(uuid, row);
        indexes.forEach((column, index) -> {
            if (before != null) {
                unindex(index, indexKeys(column, before), uuid);
            }
            for (Object k : indexKeys(column, row)) {
                index.computeIfAbsent(k, x -> new HashSet<>()).add(uuid);
            }
        });
    }

    /** Forgets the row (the event thread only). */
    synchronized void remove(Uuid uuid) {
        Row before = rows.remove(uuid);
        if (before != null) {
            indexes.forEach((column, index) -> unindex(index, indexKeys(column, before), uuid));
        }
    }

    private static void unindex(Map<Object, Set<Uuid>> index, Collection<?> keys, Uuid uuid) {
        for (Object k : keys) {
            Set<Uuid> holders = index.get(k);
            if (holders != null && holders.remove(uuid) && holders.isEmpty()) {
                index.remove(k);
            }
        }
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

    /** The uuids of the rows held now (a copy). */
    Set<Uuid> uuids() {
        return Set.copyOf(rows.keySet());
    }
}
