package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSchemaTest {
    @Test
    void parsesTheNorthboundSchemaTypes() {
        TableSchema lsp = TestSchemas.NB.table("Logical_Switch_Port");
        assertEquals("OVN_Northbound", TestSchemas.NB.name());
        assertTrue(lsp.column("name").type().isScalar());
        assertEquals(AtomicType.STRING, lsp.column("name").type().key().atomicType());
        assertTrue(lsp.column("addresses").type().isSet());
        assertTrue(lsp.column("options").type().isMap());
        ColumnType tagRequest = lsp.column("tag_request").type();
        assertEquals(0, tagRequest.min());
        assertEquals(1, tagRequest.max());
        assertEquals(AtomicType.INTEGER, tagRequest.key().atomicType());
        assertTrue(tagRequest.key().enumValues().isEmpty());
        ColumnType ports = TestSchemas.NB.table("Logical_Switch").column("ports").type();
        assertEquals(Optional.of("Logical_Switch_Port"), ports.key().refTable());
        assertEquals(ColumnType.UNLIMITED, ports.max());
        assertEquals(List.of(List.of("name")), TestSchemas.NB.table("Logical_Switch_Port").indexes());
        assertFalse(lsp.isRoot());
    }

    @Test
    void parsesEnumsOfTheVswitchSchema() {
        DatabaseSchema ovs = TestSchemas.load(TestSchemas.VSWITCH_FILE);
        BaseType failMode = ovs.table("Bridge").column("fail_mode").type().key();
        assertEquals(java.util.Set.of("standalone", "secure"), failMode.enumValues());
        assertTrue(ovs.table("Open_vSwitch").isRoot());
    }

    @Test
    void unknownTableAndColumnAreClearErrors() {
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> TestSchemas.NB.table("Nope"));
        assertTrue(t.getMessage().contains("OVN_Northbound has no table Nope"), t.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> TestSchemas.NB.table("Logical_Switch").column("nope"));
        assertTrue(c.getMessage().contains("Logical_Switch has no column nope"), c.getMessage());
    }
}
