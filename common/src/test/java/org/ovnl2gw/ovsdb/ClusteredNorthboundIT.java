package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions against a real 3-member clustered Northbound database whose leader is killed. */
class ClusteredNorthboundIT {
    private static final MonitorSpec SWITCHES = MonitorSpec.builder().table("Logical_Switch", "name", "other_config").build();
    @TempDir
    Path dir;
    private ClusteredNorthbound cluster;
    private OvsdbSession reader;
    private OvsdbSession writer;

    @AfterEach
    void tearDown() {
        for (OvsdbSession s : new OvsdbSession[] {reader, writer}) {
            if (s != null) {
                s.close();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private OvsdbSession session(RecordingListener rec) {
        return OvsdbSession.builder(OvsdbRemote.parse(cluster.remote()), "OVN_Northbound").monitor(SWITCHES)
                .cacheListener(rec).connectionListener(rec).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).start();
    }

    /** Inserts a switch through the writer, retrying across failover without ever inserting it twice. */
    private void insertSwitch(String name) {
        Eventually.await("switch " + name + " written", () -> {
            if (writer.isConnected() && writer.cache().table("Logical_Switch").findOne("name", name).isPresent()) {
                return true;
            }
            try {
                writer.transact("ovsdb IT: add " + name, List.of(
                        Operations.waitFor("Logical_Switch").where(Condition.equalTo("name", name)).columns("name")
                                .untilEqual().timeout(Duration.ZERO),
                        Operations.insert("Logical_Switch").set("name", name).set("other_config", Map.of("owner", "it"))))
                        .get(30, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The member whose unix socket a session is connected to, by the role the server itself reports. */
    private String role(OvsdbServerProcess member) {
        String status = OvsdbServerProcess.run(member.dir(), "ovs-appctl", "-t",
                member.dir().resolve(Path.of(member.db().getFileName().toString().replace(".db", ".ctl"))).toString(),
                "cluster/status", "OVN_Northbound");
        return status.lines().filter(l -> l.startsWith("Role:")).findFirst().orElse("Role: unknown").substring(5).trim();
    }

    @Test
    void sessionsFollowTheLeaderAcrossItsDeathAndTheCacheSeesEveryRowOnce() throws Exception {
        cluster = ClusteredNorthbound.start(dir, 3);
        RecordingListener readerEvents = new RecordingListener();
        RecordingListener writerEvents = new RecordingListener();
        reader = session(readerEvents);
        writer = session(writerEvents);
        assertTrue(reader.awaitConnected(Eventually.DEADLINE), readerEvents.disconnectReasons::toString);
        assertTrue(writer.awaitConnected(Eventually.DEADLINE));

        OvsdbServerProcess leader = cluster.members.stream()
                .filter(m -> readerEvents.peers.get(readerEvents.peers.size() - 1).equals(m.remote()))
                .findFirst().orElseThrow();
        assertEquals("leader", role(leader));

        IntStream.range(0, 5).forEach(i -> insertSwitch("before-" + i));
        Eventually.await("reader cached 5", () -> reader.cache().table("Logical_Switch").size() == 5);

        leader.kill();
        IntStream.range(0, 5).forEach(i -> insertSwitch("after-" + i));
        Eventually.await("reader cached 10", () -> reader.isConnected()
                && reader.cache().table("Logical_Switch").size() == 10, readerEvents.events::toString);
        // the session says it is connected just before it tells its connection listeners of the new peer
        Eventually.await("the reconnect told to the listener", () -> readerEvents.resumed.size() >= 2,
                readerEvents.resumed::toString);

        String newPeer = readerEvents.peers.get(readerEvents.peers.size() - 1);
        assertNotEquals(leader.remote(), newPeer);
        OvsdbServerProcess newLeader = cluster.members.stream().filter(m -> m.remote().equals(newPeer)).findFirst().orElseThrow();
        assertEquals("leader", role(newLeader));
        List<String> expected = IntStream.range(0, 5).boxed()
                .flatMap(i -> java.util.stream.Stream.of("insert after-" + i, "insert before-" + i)).sorted().toList();
        assertEquals(expected, readerEvents.sorted(), "each row exactly once, nothing else");
        assertEquals(List.of(false, true), List.of(readerEvents.resumed.get(0),
                readerEvents.resumed.get(readerEvents.resumed.size() - 1)), "a clustered database resumes by transaction id");
    }
}
