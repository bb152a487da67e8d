package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TableSchema LSP = TestSchemas.NB.table("Logical_Switch_Port");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static ColumnType type(String column) {
        return LSP.column(column).type();
    }

    @Test
    void encodesAtomsSetsMapsAndReferences() throws Exception {
        Uuid u = Uuid.parse("3b6e0c1e-6ed2-4c9b-9ba0-6a3fd7f1d3e4");
        assertEquals(json("'lsp1'"), WireCodec.encodeDatum(type("name"), "lsp1", "w"));
        assertEquals(json("['set',['unknown']]"), WireCodec.encodeDatum(type("addresses"), Set.of("unknown"), "w"));
        assertEquals(json("['map',[['network_name','physnet']]]"),
                WireCodec.encodeDatum(type("options"), Map.of("network_name", "physnet"), "w"));
        assertEquals("[\"set\",[100]]", WireCodec.encodeDatum(type("tag_request"), 100, "w").toString());
        assertEquals(json("['set',[]]"), WireCodec.encodeDatum(type("tag_request"), Optional.empty(), "w"));
        ColumnType ports = TestSchemas.NB.table("Logical_Switch").column("ports").type();
        assertEquals(json("['set',[['uuid','" + u + "'],['named-uuid','lsp']]]"),
                WireCodec.encodeDatum(ports, java.util.List.of(u, new NamedUuid("lsp")), "w"));
    }

    @Test
    void decodesBareOneElementSetsAndMaps() throws Exception {
        assertEquals(Set.of("a"), WireCodec.decodeDatum(type("addresses"), json("'a'"), "w"));
        assertEquals(Set.of("a", "b"), WireCodec.decodeDatum(type("addresses"), json("['set',['a','b']]"), "w"));
        assertEquals(Set.of(), WireCodec.decodeDatum(type("tag_request"), json("['set',[]]"), "w"));
        assertEquals(Set.of(7L), WireCodec.decodeDatum(type("tag_request"), json("7"), "w"));
        assertEquals(Map.of("k", "v"), WireCodec.decodeDatum(type("options"), json("['map',[['k','v']]]"), "w"));
        assertEquals(Uuid.parse("3b6e0c1e-6ed2-4c9b-9ba0-6a3fd7f1d3e4"), WireCodec.decodeAtom(AtomicType.UUID,
                json("['uuid','3b6e0c1e-6ed2-4c9b-9ba0-6a3fd7f1d3e4']"), "w"));
    }

    @Test
    void wrongTypesAndSizesAreRefusedWithTheColumnName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WireCodec.encodeDatum(type("name"), 5L, "Logical_Switch_Port.name"));
        assertTrue(e.getMessage().contains("Logical_Switch_Port.name: expected string"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WireCodec.encodeDatum(type("options"), Set.of("x"), "w"));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> WireCodec.encodeDatum(type("tag_request"), Set.of(1L, 2L), "w"));
        assertTrue(size.getMessage().contains("2 elements do not fit"), size.getMessage());
    }
}
