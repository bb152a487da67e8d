package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** findBy through the column indexes gives what a scan gives, whatever changed since the index was made. */
class TableCacheTest {
    private static final TableSchema LS = TestSchemas.NB.table("Logical_Switch");

    private static Uuid uuid(int n) {
        return Uuid.parse(String.format("00000000-0000-0000-0000-%012d", n));
    }

    private static RowUpdate insert(int n, String name, Set<Uuid> ports) {
        return new RowUpdate("Logical_Switch", uuid(n), RowUpdate.Kind.INSERT,
                new Row(LS, uuid(n), Map.of("name", name, "ports", ports, "other_config", Map.of())));
    }

    private static List<Uuid> named(TableCache table, String name) {
        return table.findBy("name", name).stream().map(Row::uuid).sorted(java.util.Comparator.comparing(Uuid::toString)).toList();
    }

    @Test
    void indexedLookupsFollowInsertsRenamesAndDeletes() {
        DatabaseCache cache = new DatabaseCache(TestSchemas.NB, Set.of("Logical_Switch"));
        CacheUpdater updater = new CacheUpdater(cache, List.of());
        TableCache table = cache.table("Logical_Switch");
        updater.applyIncremental(List.of(insert(1, "a", Set.of(uuid(101))), insert(2, "b", Set.of())));
        assertEquals(List.of(uuid(1)), named(table, "a")); // the index of "name" is made here

        updater.applyIncremental(List.of(insert(3, "a", Set.of(uuid(101), uuid(102)))));
        assertEquals(List.of(uuid(1), uuid(3)), named(table, "a"));
        updater.applyIncremental(List.of(new RowUpdate("Logical_Switch", uuid(1), RowUpdate.Kind.MODIFY,
                new Row(LS, uuid(1), Map.of("name", "c")))));
        assertEquals(List.of(uuid(3)), named(table, "a"));
        assertEquals(List.of(uuid(1)), named(table, "c"));
        updater.applyIncremental(List.of(new RowUpdate("Logical_Switch", uuid(3), RowUpdate.Kind.DELETE, null)));
        assertEquals(List.of(), named(table, "a"));

        // a set column: rows containing the element, or all of several elements
        assertEquals(List.of(uuid(1)), table.findBy("ports", uuid(101)).stream().map(Row::uuid).toList());
        assertEquals(List.of(), table.findBy("ports", Set.of(uuid(101), uuid(102))));
        assertEquals(2, table.findBy("ports", Set.of()).size());

        updater.applyFullResync(List.of(new RowUpdate("Logical_Switch", uuid(4), RowUpdate.Kind.INITIAL,
                new Row(LS, uuid(4), Map.of("name", "a", "ports", Set.of(uuid(101)), "other_config", Map.of())))));
        assertEquals(List.of(uuid(4)), named(table, "a"));
        assertEquals(List.of(), named(table, "c"));
        assertEquals(List.of(uuid(4)), table.findBy("ports", uuid(101)).stream().map(Row::uuid).toList());
    }
}
