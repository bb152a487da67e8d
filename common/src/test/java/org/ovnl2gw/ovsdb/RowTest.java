package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowTest {
    private static final TableSchema LSP = TestSchemas.NB.table("Logical_Switch_Port");
    private static final Uuid U = Uuid.parse("3b6e0c1e-6ed2-4c9b-9ba0-6a3fd7f1d3e4");

    static Row lsp(Object... columnValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columnValues.length; i += 2) {
            values.put((String) columnValues[i], columnValues[i + 1]);
        }
        return new Row(LSP, U, values);
    }

    @Test
    void typedGettersReturnTypedValues() {
        Row r = lsp("name", "gw", "addresses", Set.of("unknown"), "options", Map.of("a", "b"), "tag_request", Set.of(100L),
                "up", Set.of());
        assertEquals("gw", r.getString("name"));
        assertEquals(Set.of("unknown"), r.getStringSet("addresses"));
        assertEquals(Map.of("a", "b"), r.getStringMap("options"));
        assertEquals(Optional.of(100L), r.getOptionalLong("tag_request"));
        assertEquals(Optional.empty(), r.getOptionalBoolean("up"));
        assertEquals(U, r.uuid());
    }

    @Test
    void wrongTypeUnknownOrMissingColumnNameTableAndColumn() {
        Row r = lsp("name", "gw");
        assertMessage("Logical_Switch_Port.name is string, not a single Long", () -> r.getLong("name"));
        assertMessage("Logical_Switch_Port has no column nope", () -> r.getString("nope"));
        assertMessage("Logical_Switch_Port.options was not fetched", () -> r.getStringMap("options"));
        assertMessage("Logical_Switch_Port.addresses is set<string>[0..*], not an optional String",
                () -> lsp("addresses", Set.of()).getOptionalString("addresses"));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void modifyDiffsToggleSetElementsAndReplaceOrRemoveMapKeys() {
        Row old = lsp("name", "a", "addresses", Set.of("x", "y"), "options", Map.of("k1", "v1", "k2", "v2"),
                "tag_request", Set.of(5L), "up", Set.of(true));
        Row diff = lsp("name", "b", "addresses", Set.of("y", "z"), "options", Map.of("k1", "v1", "k2", "new", "k3", "v3"),
                "tag_request", Set.of(6L), "up", Set.of());
        Row now = new RowUpdate("Logical_Switch_Port", U, RowUpdate.Kind.MODIFY, diff).applyTo(old);
        assertEquals("b", now.getString("name"));
        assertEquals(Set.of("x", "z"), now.getStringSet("addresses"));
        assertEquals(Map.of("k2", "new", "k3", "v3"), now.getStringMap("options"));
        // optional (0..1) columns carry the new value, not a difference: 5 -> 6, and true -> cleared
        assertEquals(Optional.of(6L), now.getOptionalLong("tag_request"));
        assertEquals(Optional.empty(), now.getOptionalBoolean("up"));
    }
}
