package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String wire(Operation op) {
        return op.encode(TestSchemas.NB).toString().replace('"', '\'');
    }

    @Test
    void insertWithNamedUuidAndMutateReferencingIt() {
        Operation.Insert lsp = Operations.insert("Logical_Switch_Port").uuidName("lsp")
                .set("name", "gw").set("addresses", Set.of("unknown")).set("type", "l2gateway");
        assertEquals("{'op':'insert','table':'Logical_Switch_Port','row':{'name':'gw','addresses':['set',['unknown']],"
                + "'type':'l2gateway'},'uuid-name':'lsp'}", wire(lsp));
        Operation mutate = Operations.mutate("Logical_Switch").where(Condition.equalTo("name", "ls0"))
                .insert("ports", Set.of(lsp.namedUuid()));
        assertEquals("{'op':'mutate','table':'Logical_Switch','where':[['name','==','ls0']],"
                + "'mutations':[['ports','insert',['set',[['named-uuid','lsp']]]]]}", wire(mutate));
    }

    @Test
    void updateDeleteSelectWaitCommentAssert() {
        Uuid u = Uuid.parse("3b6e0c1e-6ed2-4c9b-9ba0-6a3fd7f1d3e4");
        assertEquals("{'op':'update','table':'Logical_Switch_Port','where':[['_uuid','==',['uuid','" + u + "']]],"
                + "'row':{'options':['map',[['network_name','physnet']]]}}",
                wire(Operations.update("Logical_Switch_Port").where(Condition.uuidEquals(u))
                        .set("options", Map.of("network_name", "physnet"))));
        assertEquals("{'op':'delete','table':'Logical_Switch_Port','where':[['external_ids','includes',"
                + "['map',[['owner','me']]]]]}", wire(Operations.delete("Logical_Switch_Port")
                        .where(Condition.includes("external_ids", Map.of("owner", "me")))));
        assertEquals("{'op':'select','table':'Logical_Switch','where':[],'columns':['name','_uuid']}",
                wire(Operations.select("Logical_Switch").whereAll().columns("name")));
        assertEquals("{'op':'wait','table':'Logical_Switch','where':[['name','==','a']],'columns':['name'],"
                + "'until':'==','rows':[{'name':'a'}],'timeout':0}", wire(Operations.waitFor("Logical_Switch")
                        .where(Condition.equalTo("name", "a")).columns("name").row(Map.of("name", "a"))
                        .timeout(java.time.Duration.ZERO)));
        assertEquals("{'op':'comment','comment':'why'}", wire(Operations.comment("why")));
        assertEquals("{'op':'assert','lock':'l'}", wire(Operations.assertLock("l")));
    }

    @Test
    void schemaErrorsAreCaughtBeforeSending() {
        assertMessage("has no table Nope", Operations.insert("Nope").set("a", "b"));
        assertMessage("Logical_Switch_Port has no column nmae", Operations.insert("Logical_Switch_Port").set("nmae", "x"));
        assertMessage("Logical_Switch_Port.tag_request: expected integer", Operations.insert("Logical_Switch_Port")
                .set("tag_request", "100"));
        assertMessage("has no where()", Operations.update("Logical_Switch_Port").set("name", "x"));
        assertMessage("inserting into a map needs a Map", Operations.mutate("Logical_Switch_Port").whereAll()
                .insert("options", Set.of("x")));
        assertMessage("_uuid cannot be written", Operations.insert("Logical_Switch").set("_uuid",
                Uuid.parse("3b6e0c1e-6ed2-4c9b-9ba0-6a3fd7f1d3e4")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransactCodec.encodeParams(
                TestSchemas.NB, List.of(Operations.comment("ok"), Operations.insert("Logical_Switch").set("name", 1L))));
        assertTrue(e.getMessage().startsWith("operation 1: Logical_Switch.name"), e.getMessage());
    }

    private static void assertMessage(String expected, Operation op) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.validate(TestSchemas.NB));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void transactRepliesDecodeToTypedResultsAndErrors() throws Exception {
        Operation.Insert ins = Operations.insert("Logical_Switch").uuidName("ls").set("name", "a");
        List<Operation> ops = List.of(ins, Operations.select("Logical_Switch").whereAll().columns("name"),
                Operations.delete("Logical_Switch").whereAll());
        String u = "3b6e0c1e-6ed2-4c9b-9ba0-6a3fd7f1d3e4";
        TransactResult r = TransactCodec.decode(TestSchemas.NB, ops, JSON.readTree(("[{'uuid':['uuid','" + u + "']},"
                + "{'rows':[{'_uuid':['uuid','" + u + "'],'name':'a'}]},{'count':1}]").replace('\'', '"')));
        assertEquals(Uuid.parse(u), r.uuidOf("ls"));
        assertEquals("a", r.rows(1).get(0).getString("name"));
        assertEquals(1, r.count(2));

        OvsdbTransactionException failed = assertThrows(OvsdbTransactionException.class, () -> TransactCodec.decode(
                TestSchemas.NB, ops, JSON.readTree("[{},{\"error\":\"constraint violation\",\"details\":\"bad\"},null]")));
        assertEquals(java.util.Optional.of(1), failed.operationIndex());
        assertEquals("constraint violation", failed.error());
        OvsdbTransactionException commit = assertThrows(OvsdbTransactionException.class, () -> TransactCodec.decode(
                TestSchemas.NB, ops, JSON.readTree("[{},{},{},{\"error\":\"referential integrity violation\"}]")));
        assertEquals(java.util.Optional.empty(), commit.operationIndex());
        assertEquals("referential integrity violation", commit.error());
    }
}
