package org.ovnl2gw.ovsdb;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Applies an update2 "modify" diff to a row (ovsdb-server(7), "update2 notification"): a scalar column,
 * and an optional column (a set of at most one element: ovsdb-server sends the new value, not a
 * difference, as seen on OVS 3.1 for Port_Binding chassis, up and tag), takes the new value; a set column
 * toggles each listed element (symmetric difference); a map column removes a key whose listed value equals
 * the old one, and otherwise adds or replaces the key.
 */
final class RowDiff {
    private RowDiff() {
    }

    static Row apply(Row old, Row diff) {
        Map<String, Object> values = new LinkedHashMap<>(old.values());
        TableSchema table = old.tableSchema();
        diff.values().forEach((column, change) -> {
            ColumnType type = table.column(column).type();
            Object before = values.get(column);
            if (type.isScalar() || (!type.isMap() && type.max() == 1)) {
                values.put(column, change);
            } else if (type.isMap()) {
                Map<Object, Object> m = new LinkedHashMap<>(before == null ? Map.of() : (Map<?, ?>) before);
                ((Map<?, ?>) change).forEach((k, v) -> {
                    if (v.equals(m.get(k))) {
                        m.remove(k);
                    } else {
                        m.put(k, v);
                    }
                });
                values.put(column, java.util.Collections.unmodifiableMap(m));
            } else {
                Set<Object> s = new LinkedHashSet<>(before == null ? Set.of() : (Set<?>) before);
                for (Object e : (Set<?>) change) {
                    if (!s.remove(e)) {
                        s.add(e);
                    }
                }
                values.put(column, java.util.Collections.unmodifiableSet(s));
            }
        });
        return new Row(table, old.uuid(), values);
    }
}
