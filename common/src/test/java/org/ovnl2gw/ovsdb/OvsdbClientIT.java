package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One client against real standalone ovsdb-servers: the Open_vSwitch, Northbound and Southbound schemas. */
class OvsdbClientIT {
    @TempDir
    Path dir;
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private OvsdbServerProcess server(String name, Path schema) {
        OvsdbServerProcess p = OvsdbServerProcess.standalone(dir, name, schema);
        toClose.add(p);
        return p;
    }

    private OvsdbClient connect(OvsdbServerProcess server) throws Exception {
        OvsdbClient c = OvsdbClient.connect(OvsdbRemote.parse(server.remote()).endpoints().get(0), ClientOptions.defaults())
                .get(30, TimeUnit.SECONDS);
        toClose.add(c);
        return c;
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void vswitchBridgeInsertAndSelect() throws Exception {
        OvsdbClient c = connect(server("conf", TestSchemas.VSWITCH_FILE));
        assertTrue(get(c.listDbs()).contains("Open_vSwitch"));
        Operation.Insert bridge = Operations.insert("Bridge").uuidName("br").set("name", "br-phys")
                .set("fail_mode", Optional.of("secure")).set("external_ids", Map.of("owner", "ovsdb-it"));
        TransactResult r = get(c.transact("Open_vSwitch", List.of(bridge,
                Operations.insert("Open_vSwitch").set("bridges", Set.of(bridge.namedUuid())),
                Operations.select("Bridge").where(Condition.includes("external_ids", Map.of("owner", "ovsdb-it"))))));
        Row row = r.rows(2).get(0);
        assertEquals(r.uuidOf("br"), row.uuid());
        assertEquals("br-phys", row.getString("name"));
        assertEquals(Optional.of("secure"), row.getOptionalString("fail_mode"));
        assertEquals(Map.of("owner", "ovsdb-it"), row.getStringMap("external_ids"));
    }

    @Test
    void northboundTransactAndMonitor() throws Exception {
        OvsdbClient c = connect(server("nb", TestSchemas.NB_FILE));
        List<List<RowUpdate>> seen = new CopyOnWriteArrayList<>();
        MonitorResult initial = get(c.monitorCondSince("OVN_Northbound", "m", MonitorSpec.builder()
                .table("Logical_Switch_Port", "name", "type", "addresses", "options", "tag_request").build(),
                Optional.empty(), (updates, txn) -> seen.add(updates)));
        assertFalse(initial.found());
        assertEquals(List.of(), initial.updates());

        Operation.Insert lsp = Operations.insert("Logical_Switch_Port").uuidName("lsp").set("name", "l2gw-a")
                .set("type", "l2gateway").set("addresses", Set.of("unknown"))
                .set("options", Map.of("network_name", "physnet1")).set("tag_request", 100L);
        TransactResult r = get(c.transact("OVN_Northbound", List.of(lsp,
                Operations.insert("Logical_Switch").set("name", "ls0").set("ports", Set.of(lsp.namedUuid())),
                Operations.comment("ovsdb IT"))));
        Uuid port = r.uuidOf("lsp");
        Eventually.await("insert seen by monitor", () -> seen.stream().flatMap(List::stream)
                .anyMatch(u -> u.kind() == RowUpdate.Kind.INSERT && u.uuid().equals(port)));
        Row inserted = seen.stream().flatMap(List::stream).filter(u -> u.uuid().equals(port)).findFirst().orElseThrow().row();
        assertEquals(Optional.of(100L), inserted.getOptionalLong("tag_request"));
        assertEquals(Set.of("unknown"), inserted.getStringSet("addresses"));

        seen.clear();
        assertEquals(1, get(c.transact("OVN_Northbound", List.of(Operations.mutate("Logical_Switch_Port")
                .where(Condition.uuidEquals(port)).insert("options", Map.of("l2gateway-chassis", "gw1"))
                .delete("addresses", Set.of("unknown"))))).count(0));
        Eventually.await("modify seen", () -> !seen.isEmpty());
        RowUpdate modify = seen.get(0).get(0);
        assertEquals(RowUpdate.Kind.MODIFY, modify.kind());
        Row after = modify.applyTo(inserted);
        assertEquals(Map.of("network_name", "physnet1", "l2gateway-chassis", "gw1"), after.getStringMap("options"));
        assertEquals(Set.of(), after.getStringSet("addresses"));
        get(c.echo());
    }

    @Test
    void southboundChassisWithEncap() throws Exception {
        OvsdbClient c = connect(server("sb", TestSchemas.SB_FILE));
        Operation.Insert encap = Operations.insert("Encap").uuidName("encap").set("type", "geneve")
                .set("ip", "192.168.0.10").set("chassis_name", "gw1").set("options", Map.of("csum", "true"));
        get(c.transact("OVN_Southbound", List.of(encap, Operations.insert("Chassis").set("name", "gw1")
                .set("hostname", "gw1").set("encaps", Set.of(encap.namedUuid())))));
        List<Row> chassis = get(c.transact("OVN_Southbound", List.of(Operations.select("Chassis")
                .where(Condition.equalTo("name", "gw1"))))).rows(0);
        assertEquals(1, chassis.get(0).getUuidSet("encaps").size());
    }

    @Test
    void badOperationsAndConstraintViolationsComeBackAsClearErrors() throws Exception {
        OvsdbClient c = connect(server("nb", TestSchemas.NB_FILE));
        OvsdbTransactionException dup = assertInstanceOf(OvsdbTransactionException.class, failure(c.transact("OVN_Northbound",
                List.of(Operations.insert("Logical_Switch_Port").uuidName("a").set("name", "dup"),
                        Operations.insert("Logical_Switch_Port").uuidName("b").set("name", "dup"),
                        Operations.insert("Logical_Switch").set("ports", Set.of(new NamedUuid("a"), new NamedUuid("b")))))));
        assertEquals("constraint violation", dup.error());
        assertTrue(dup.details().contains("dup"), dup.details());

        OvsdbTransactionException ref = assertInstanceOf(OvsdbTransactionException.class, failure(c.transact("OVN_Northbound",
                List.of(Operations.insert("Logical_Switch").set("name", "ls").set("ports",
                        Set.of(new Uuid(UUID.randomUUID())))))));
        assertEquals("referential integrity violation", ref.error());
        assertEquals(Optional.empty(), ref.operationIndex());

        OvsdbTransactionException timedOut = assertInstanceOf(OvsdbTransactionException.class, failure(c.transact(
                "OVN_Northbound", List.of(Operations.waitFor("Logical_Switch").whereAll().columns("name")
                        .row(Map.of("name", "never")).timeout(Duration.ZERO)))));
        assertEquals("timed out", timedOut.error());
        assertEquals(Optional.of(0), timedOut.operationIndex());

        Throwable unknownDb = failure(c.getSchema("Nope"));
        assertInstanceOf(OvsdbRpcException.class, unknownDb);
        assertTrue(unknownDb.getMessage().contains("unknown database"), unknownDb.getMessage());

        Throwable schemaError = failure(c.transact("OVN_Northbound", List.of(Operations.insert("Logical_Switch")
                .set("name", 42L))));
        assertInstanceOf(IllegalArgumentException.class, schemaError);
        assertTrue(schemaError.getMessage().contains("Logical_Switch.name: expected string"), schemaError.getMessage());
    }

    @Test
    void locksAreGrantedStolenAndAsserted() throws Exception {
        OvsdbServerProcess server = server("nb", TestSchemas.NB_FILE);
        OvsdbClient a = connect(server);
        OvsdbClient b = connect(server);
        List<String> bEvents = new CopyOnWriteArrayList<>();
        b.setLockListener(new LockListener() {
            @Override
            public void onLocked(String lockId) {
                bEvents.add("locked " + lockId);
            }

            @Override
            public void onStolen(String lockId) {
                bEvents.add("stolen " + lockId);
            }
        });
        assertTrue(get(a.lock("gw")));
        assertFalse(get(b.lock("gw")));
        get(a.unlock("gw"));
        Eventually.await("b gets the lock", () -> bEvents.contains("locked gw"), bEvents::toString);
        get(b.transact("OVN_Northbound", List.of(Operations.assertLock("gw"))));
        assertTrue(get(a.steal("gw")));
        Eventually.await("b is told", () -> bEvents.contains("stolen gw"), bEvents::toString);
        OvsdbTransactionException notOwner = assertInstanceOf(OvsdbTransactionException.class,
                failure(b.transact("OVN_Northbound", List.of(Operations.assertLock("gw")))));
        assertEquals("not owner", notOwner.error());
    }
}
