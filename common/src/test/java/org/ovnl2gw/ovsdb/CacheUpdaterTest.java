package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheUpdaterTest {
    private static final TableSchema LS = TestSchemas.NB.table("Logical_Switch");

    /** Records what listeners saw, one line per call. */
    static final class Recorder implements CacheListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onInsert(Row row) {
            seen.add("insert " + row.getString("name"));
        }

        @Override
        public void onUpdate(Row oldRow, Row newRow) {
            seen.add("update " + oldRow.getString("name") + "->" + newRow.getString("name"));
        }

        @Override
        public void onDelete(Row row) {
            seen.add("delete " + row.getString("name"));
        }
    }

    private static Uuid uuid(int n) {
        return Uuid.parse(String.format("00000000-0000-0000-0000-%012d", n));
    }

    private static RowUpdate initial(int n, String name) {
        return new RowUpdate("Logical_Switch", uuid(n), RowUpdate.Kind.INITIAL,
                new Row(LS, uuid(n), Map.of("name", name, "other_config", Map.of())));
    }

    @Test
    void fullResyncNotifiesExactlyTheDifference() {
        DatabaseCache cache = new DatabaseCache(TestSchemas.NB, Set.of("Logical_Switch"));
        Recorder rec = new Recorder();
        CacheUpdater updater = new CacheUpdater(cache, List.of(rec));
        updater.applyFullResync(List.of(initial(1, "a"), initial(2, "b"), initial(3, "c")));
        assertEquals(List.of("insert a", "insert b", "insert c"), rec.seen.stream().sorted().toList());
        rec.seen.clear();

        updater.applyFullResync(List.of(initial(1, "a"), initial(2, "b2"), initial(4, "d")));
        assertEquals(List.of("delete c", "insert d", "update b->b2"), rec.seen.stream().sorted().toList());
        assertEquals(3, cache.table("Logical_Switch").size());
        assertEquals("b2", cache.get("Logical_Switch", uuid(2)).orElseThrow().getString("name"));
    }

    @Test
    void incrementalUpdatesApplyDiffsAndIgnoreNoChange() {
        DatabaseCache cache = new DatabaseCache(TestSchemas.NB, Set.of("Logical_Switch"));
        Recorder rec = new Recorder();
        CacheUpdater updater = new CacheUpdater(cache, List.of(rec));
        updater.applyIncremental(List.of(initial(1, "a")));
        updater.applyIncremental(List.of(new RowUpdate("Logical_Switch", uuid(1), RowUpdate.Kind.MODIFY,
                new Row(LS, uuid(1), Map.of("other_config", Map.of("k", "v"))))));
        updater.applyIncremental(List.of(initial(1, "a").kind() == RowUpdate.Kind.INITIAL
                ? new RowUpdate("Logical_Switch", uuid(1), RowUpdate.Kind.DELETE, new Row(LS, uuid(1), Map.of())) : null));
        assertEquals(List.of("insert a", "update a->a", "delete a"), rec.seen);
        assertEquals(0, cache.table("Logical_Switch").size());
        assertEquals(List.of(), cache.table("Logical_Switch").findBy("name", "a"));
    }
}
