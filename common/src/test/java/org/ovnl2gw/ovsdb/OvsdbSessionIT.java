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
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session against a standalone Northbound ovsdb-server that is killed, changed and restarted. */
class OvsdbSessionIT {
    private static final MonitorSpec SWITCHES = MonitorSpec.builder().table("Logical_Switch", "name", "other_config").build();
    @TempDir
    Path dir;
    private OvsdbServerProcess server;
    private OvsdbSession session;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static List<Operation> insertSwitch(String name) {
        return List.of(Operations.insert("Logical_Switch").set("name", name)
                .set("other_config", Map.of("owner", "ovsdb-it")));
    }

    @Test
    void cacheConvergesAfterServerKillAndRestartAndListenersSeeTheDifferenceOnce() throws Exception {
        server = OvsdbServerProcess.standalone(dir, "nb", TestSchemas.NB_FILE);
        RecordingListener rec = new RecordingListener();
        session = OvsdbSession.builder(OvsdbRemote.parse(server.remote()), "OVN_Northbound").monitor(SWITCHES)
                .cacheListener(rec).connectionListener(rec).backoff(Duration.ofMillis(50), Duration.ofMillis(500)).start();
        assertTrue(session.awaitConnected(Duration.ofSeconds(60)));
        for (String name : List.of("a", "b", "c")) {
            session.transact("ovsdb IT: add " + name, insertSwitch(name)).get(30, TimeUnit.SECONDS);
        }
        Eventually.await("three switches cached", () -> session.cache().table("Logical_Switch").size() == 3);
        assertEquals(List.of("insert a", "insert b", "insert c"), rec.sorted());
        rec.events.clear();

        server.kill();
        Eventually.await("session notices", () -> !session.isConnected());
        ExecutionException down = assertThrows(ExecutionException.class,
                () -> session.transact("while down", insertSwitch("x")).get(30, TimeUnit.SECONDS));
        assertInstanceOf(OvsdbNotConnectedException.class, down.getCause());

        // change the database while nobody serves it, as another writer would have
        OvsdbServerProcess.run(dir, "ovsdb-tool", "transact", server.db().toString(), ("[\"OVN_Northbound\","
                + "{\"op\":\"delete\",\"table\":\"Logical_Switch\",\"where\":[[\"name\",\"==\",\"c\"]]},"
                + "{\"op\":\"update\",\"table\":\"Logical_Switch\",\"where\":[[\"name\",\"==\",\"b\"]],\"row\":{\"name\":\"b2\"}},"
                + "{\"op\":\"insert\",\"table\":\"Logical_Switch\",\"row\":{\"name\":\"d\"}}]"));
        server.launch();

        Eventually.await("cache converged", () -> session.isConnected()
                && session.cache().table("Logical_Switch").rows().stream().map(r -> r.getString("name")).sorted().toList()
                        .equals(List.of("a", "b2", "d")), rec.events::toString);
        assertEquals(List.of("delete c", "insert d", "update b->b2"), rec.sorted());
        // the session says it is connected (and its cache is whole) just before it tells its connection listeners
        Eventually.await("the reconnect told to the listener", () -> rec.resumed.size() == 2, rec.resumed::toString);
        assertEquals(List.of(false, false), rec.resumed, "a standalone database has no transaction ids: full resync");
        assertEquals(1, session.cache().table("Logical_Switch").findBy("name", "b2").size());
    }

    @Test
    void inactivityProbeDropsAFrozenServerAndReconnectsWhenItThaws() throws Exception {
        server = OvsdbServerProcess.standalone(dir, "nb", TestSchemas.NB_FILE);
        RecordingListener rec = new RecordingListener();
        session = OvsdbSession.builder(OvsdbRemote.parse(server.remote()), "OVN_Northbound").monitor(SWITCHES)
                .clientOptions(ClientOptions.defaults().withInactivityProbe(Duration.ofMillis(500)))
                .connectionListener(rec).backoff(Duration.ofMillis(50), Duration.ofMillis(500)).start();
        assertTrue(session.awaitConnected(Duration.ofSeconds(60)));
        signal("-STOP", server.pid());
        try {
            Eventually.await("probe gives up on the frozen server", () -> !session.isConnected());
        } finally {
            signal("-CONT", server.pid());
        }
        Eventually.await("reconnected", session::isConnected);
        assertTrue(rec.disconnects >= 1);
        session.transact("after thaw", insertSwitch("t")).get(30, TimeUnit.SECONDS);
        Eventually.await("cached", () -> session.cache().table("Logical_Switch").findOne("name", "t").isPresent());
        assertFalse(session.cache().table("Logical_Switch").rows().isEmpty());
    }

    /** Freezes/thaws one process by pid, to make the server stop answering without closing the socket. */
    private static void signal(String signal, long pid) {
        OvsdbServerProcess.run(Path.of("/tmp"), "kill", signal, Long.toString(pid));
    }

    @Test
    void unknownTablesInTheMonitorSpecFailClearly() throws Exception {
        server = OvsdbServerProcess.standalone(dir, "nb", TestSchemas.NB_FILE);
        RecordingListener rec = new RecordingListener();
        session = OvsdbSession.builder(OvsdbRemote.parse(server.remote()), "OVN_Northbound")
                .monitor(MonitorSpec.builder().table("Logical_Swich").build()).connectionListener(rec).start();
        Eventually.await("the reason is reported", () -> rec.disconnectReasons.stream()
                .anyMatch(r -> r.contains("OVN_Northbound has no table Logical_Swich")), rec.disconnectReasons::toString);
        assertFalse(session.isConnected());
        assertTrue(Set.copyOf(rec.peers).isEmpty());
    }
}
