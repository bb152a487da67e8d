package org.ovnl2gw.ovsdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One table of a database schema. Also knows the implicit {@code _uuid} and {@code _version} columns
 * so conditions and selects on them are checked like any other column.
 */
public final class TableSchema {
    private final String name;
    private final Map<String, ColumnSchema> columns;
    private final boolean root;
    private final List<List<String>> indexes;

    public TableSchema(String name, Map<String, ColumnSchema> declared, boolean root, List<List<String>> indexes) {
        this.name = name;
        Map<String, ColumnSchema> all = new LinkedHashMap<>();
        all.put("_uuid", new ColumnSchema("_uuid", ColumnType.scalar(AtomicType.UUID), false, false));
        all.put("_version", new ColumnSchema("_version", ColumnType.scalar(AtomicType.UUID), false, false));
        all.putAll(declared);
        this.columns = Map.copyOf(all);
        this.root = root;
        this.indexes = indexes.stream().map(List::copyOf).toList();
    }

    public String name() {
        return name;
    }

    public boolean isRoot() {
        return root;
    }

    /** Column sets the server keeps unique (e.g. Logical_Switch_Port: [name]). */
    public List<List<String>> indexes() {
        return indexes;
    }

    /** Declared columns, without the implicit _uuid and _version. */
    public Set<String> columnNames() {
        return columns.keySet().stream().filter(c -> !c.startsWith("_")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Optional<ColumnSchema> findColumn(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /** The column, or a clear error naming table and column. */
    public ColumnSchema column(String column) {
        ColumnSchema c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException("table " + name + " has no column " + column);
        }
        return c;
    }

    @Override
    public String toString() {
        return "TableSchema[" + name + "]";
    }
}
