package org.ovnl2gw.ovsdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a monitor watches: per table, the columns (all declared columns when none are named) and an
 * optional condition (rows matching all clauses; none = every row).
 */
public final class MonitorSpec {
    /** One table's part of the monitor. */
    public record TableMonitor(List<String> columns, List<Condition> where) {
        public TableMonitor {
            columns = List.copyOf(columns);
            where = List.copyOf(where);
        }
    }

    private final Map<String, TableMonitor> tables;

    private MonitorSpec(Map<String, TableMonitor> tables) {
        this.tables = Map.copyOf(tables);
    }

    public Map<String, TableMonitor> tables() {
        return tables;
    }

    /** The columns monitored in a table, resolved against the schema (all when none were named). */
    List<String> columnsOf(TableSchema table) {
        TableMonitor m = tables.get(table.name());
        return m == null || m.columns().isEmpty() ? new ArrayList<>(table.columnNames()) : m.columns();
    }

    /** Fails with a clear message when a table or column is not in the schema. */
    public void validate(DatabaseSchema schema) {
        tables.forEach((table, m) -> {
            TableSchema t = schema.table(table);
            m.columns().forEach(t::column);
            m.where().forEach(c -> c.encode(t));
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a spec table by table. */
    public static final class Builder {
        private final Map<String, List<String>> columns = new LinkedHashMap<>();
        private final Map<String, List<Condition>> where = new LinkedHashMap<>();

        /** Monitor this table: the given columns, or all when none are given. */
        public Builder table(String table, String... cols) {
            columns.computeIfAbsent(table, t -> new ArrayList<>()).addAll(List.of(cols));
            return this;
        }

        /** Only rows matching all these clauses (the server filters). */
        public Builder where(String table, Condition... conditions) {
            columns.computeIfAbsent(table, t -> new ArrayList<>());
            where.computeIfAbsent(table, t -> new ArrayList<>()).addAll(List.of(conditions));
            return this;
        }

        public MonitorSpec build() {
            Map<String, TableMonitor> tables = new LinkedHashMap<>();
            columns.forEach((t, c) -> tables.put(t, new TableMonitor(c, where.getOrDefault(t, List.of()))));
            return new MonitorSpec(tables);
        }
    }
}
