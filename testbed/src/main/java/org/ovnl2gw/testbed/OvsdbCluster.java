package org.ovnl2gw.testbed;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A clustered (raft) database served by several {@code ovsdb-server} members, each in its own directory
 * {@code <base>/<name>-<i>}: {@code ovsdb-tool create-cluster} for the first member, {@code join-cluster}
 * for the others, raft over loopback TCP, clients on each member's unix socket. Members are daemons
 * stopped by pid; {@link #kill(int)} simulates a dead node, {@link #restart(int)} brings it back.
 */
public final class OvsdbCluster implements AutoCloseable {
    private final String database;
    private final List<HostEnv> envs;
    private final List<Daemon> members;
    private final String name;

    private OvsdbCluster(String name, String database, List<HostEnv> envs, List<Daemon> members) {
        this.name = name;
        this.database = database;
        this.envs = envs;
        this.members = members;
    }

    /**
     * Starts a cluster of {@code size} members of database {@code database} (the schema's name, e.g.
     * OVN_Northbound) created from {@code schema}, e.g. {@link OvsdbServer#NB_SCHEMA}.
     */
    public static OvsdbCluster start(Path baseDir, String name, Path schema, String database, int size) {
        List<String> raft = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            raft.add("tcp:127.0.0.1:" + freePort());
        }
        List<HostEnv> envs = new ArrayList<>();
        List<Daemon> members = new ArrayList<>();
        OvsdbCluster cluster = new OvsdbCluster(name, database, envs, members);
        try {
            for (int i = 0; i < size; i++) {
                HostEnv env = new HostEnv(baseDir.resolve(name + "-" + i));
                envs.add(env);
                Path db = env.dir().resolve(name + ".db");
                if (i == 0) {
                    env.run("ovsdb-tool", "create-cluster", db.toString(), schema.toString(), raft.get(0));
                } else {
                    List<String> join = new ArrayList<>(List.of("ovsdb-tool", "join-cluster", db.toString(), database, raft.get(i)));
                    join.addAll(raft.subList(0, i));
                    env.run(join);
                }
                members.add(Daemon.start(env, name + "-" + i, List.of("ovsdb-server",
                        "--remote=punix:" + env.dir().resolve(name + ".sock"),
                        "--unixctl=" + env.dir().resolve(name + ".ctl"), db.toString())));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new TestbedException("no free port for raft", e);
        }
    }

    public int size() {
        return members.size();
    }

    /** The client remote for the whole cluster: every member's unix socket, comma-separated. */
    public String remote() {
        return envs.stream().map(e -> "unix:" + e.dir().resolve(name + ".sock")).collect(Collectors.joining(","));
    }

    /** One member's client remote. */
    public String memberRemote(int i) {
        return "unix:" + envs.get(i).dir().resolve(name + ".sock");
    }

    public Daemon member(int i) {
        return members.get(i);
    }

    /** The member's raft role as it reports it ("leader", "follower", "candidate"), or "down". */
    public String role(int i) {
        if (!members.get(i).isAlive()) {
            return "down";
        }
        BoundedCommand.Result status = envs.get(i).tryRun(List.of("ovs-appctl", "-t",
                envs.get(i).dir().resolve(name + ".ctl").toString(), "cluster/status", database));
        return status.stdout().lines().filter(l -> l.startsWith("Role:")).map(l -> l.substring(5).trim())
                .findFirst().orElse("unknown");
    }

    /** The index of the member that currently reports itself leader, or -1 during an election. */
    public int leaderIndex() {
        for (int i = 0; i < members.size(); i++) {
            if (role(i).equals("leader")) {
                return i;
            }
        }
        return -1;
    }

    /** SIGKILL one member, as if its node died. */
    public void kill(int i) {
        members.get(i).kill();
    }

    /** Starts a stopped or killed member again; it rejoins from its own database file. */
    public void restart(int i) {
        members.get(i).restart();
    }

    @Override
    public void close() {
        members.forEach(Daemon::stop);
    }
}
