package org.ovnl2gw.ovsdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A 3-member clustered OVN Northbound database (ovsdb-tool create-cluster / join-cluster), raft over loopback TCP. */
final class ClusteredNorthbound implements AutoCloseable {
    final List<OvsdbServerProcess> members = new ArrayList<>();

    static ClusteredNorthbound start(Path dir, int size) {
        ClusteredNorthbound cluster = new ClusteredNorthbound();
        List<String> raft = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            raft.add("tcp:127.0.0.1:" + OvsdbServerProcess.freePort());
        }
        try {
            for (int i = 0; i < size; i++) {
                Path db = dir.resolve("nb" + i + ".db");
                if (i == 0) {
                    OvsdbServerProcess.run(dir, "ovsdb-tool", "create-cluster", db.toString(),
                            TestSchemas.NB_FILE.toString(), raft.get(0));
                } else {
                    List<String> cmd = new ArrayList<>(List.of("ovsdb-tool", "join-cluster", db.toString(),
                            "OVN_Northbound", raft.get(i)));
                    cmd.addAll(raft.subList(0, i));
                    OvsdbServerProcess.run(dir, cmd.toArray(String[]::new));
                }
                cluster.members.add(OvsdbServerProcess.start(dir, "nb" + i, db));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The client remote list: every member's unix socket. */
    String remote() {
        return members.stream().map(OvsdbServerProcess::remote).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        members.forEach(OvsdbServerProcess::stop);
    }
}
