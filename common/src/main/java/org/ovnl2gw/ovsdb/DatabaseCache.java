package org.ovnl2gw.ovsdb;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The local copy of the monitored tables of one database, kept by an {@link OvsdbSession}. */
public final class DatabaseCache {
    private final Map<String, TableCache> tables;

    DatabaseCache(DatabaseSchema schema, Set<String> monitoredTables) {
        Map<String, TableCache> m = new LinkedHashMap<>();
        monitoredTables.forEach(t -> m.put(t, new TableCache(schema.table(t))));
        this.tables = Map.copyOf(m);
    }

    /** The cache of a monitored table, or a clear error when the table is not monitored. */
    public TableCache table(String table) {
        TableCache t = tables.get(table);
        if (t == null) {
            throw new IllegalArgumentException("table " + table + " is not monitored (monitored: " + tables.keySet() + ")");
        }
        return t;
    }

    public Optional<Row> get(String table, Uuid uuid) {
        return table(table).get(uuid);
    }

    public Collection<Row> rows(String table) {
        return table(table).rows();
    }

    public Set<String> tableNames() {
        return tables.keySet();
    }
}
