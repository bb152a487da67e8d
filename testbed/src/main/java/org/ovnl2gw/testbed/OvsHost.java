package org.ovnl2gw.testbed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One simulated host (OVS's {@code sim_add}): its own {@code ovsdb-server} with the Open_vSwitch schema
 * and an {@code ovs-vswitchd} on the dummy datapath, optionally an {@code ovn-controller}.
 */
public final class OvsHost implements AutoCloseable {
    /** How the dummy datapath treats tunnel ports. */
    public enum DummyMode {
        /** Real tunnel encapsulation between simulated hosts (for data-path tests). */
        SYSTEM,
        /** Tunnel ports become plain dummies: enough for single-bridge OpenFlow tests. */
        OVERRIDE
    }

    private final String name;
    private final HostEnv env;
    private final OvsdbServer ovsdb;
    private final DummyMode mode;
    private Daemon vswitchd;
    private MainLoopTicker vswitchdTicker;
    private Daemon ovnController;

    private OvsHost(String name, HostEnv env, OvsdbServer ovsdb, DummyMode mode) {
        this.name = name;
        this.env = env;
        this.ovsdb = ovsdb;
        this.mode = mode;
    }

    public static OvsHost start(Path baseDir, String name, DummyMode mode) {
        HostEnv env = new HostEnv(baseDir.resolve(name));
        OvsdbServer ovsdb = OvsdbServer.start(env, "conf", OvsdbServer.VSWITCH_SCHEMA);
        // ovs-vsctl and ovs-vswitchd look for $OVS_RUNDIR/db.sock
        env.run("ln", "-sf", ovsdb.socket().toString(), env.dir().resolve("db.sock").toString());
        OvsHost host = new OvsHost(name, env, ovsdb, mode);
        host.startVswitchd();
        host.vsctlNoWait("init");
        return host;
    }

    public String name() {
        return name;
    }

    public HostEnv env() {
        return env;
    }

    /** The directory where {@code <bridge>.mgmt} OpenFlow sockets live. */
    public Path rundir() {
        return env.dir();
    }

    /** The local Open_vSwitch database remote. */
    public String ovsdbRemote() {
        return ovsdb.remote();
    }

    /**
     * The node agent's command line for this host, as the DaemonSet passes it (its OVS database and run
     * directory), with the short heartbeat the tests use, then {@code extra}.
     */
    public String[] agentArguments(String... extra) {
        List<String> args = new ArrayList<>(List.of("--ovs-db", ovsdbRemote(), "--ovs-rundir",
                rundir().toString(), "--heartbeat-interval", "0.5"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    public OvsdbServer ovsdb() {
        return ovsdb;
    }

    public Daemon vswitchd() {
        return vswitchd;
    }

    public Optional<Daemon> ovnController() {
        return Optional.ofNullable(ovnController);
    }

    /** Starts ovs-vswitchd, with a {@link MainLoopTicker} so that BFD's packets leave it on time. */
    public void startVswitchd() {
        closeTicker();
        Daemon started = Daemon.start(env, "ovs-vswitchd", List.of("ovs-vswitchd", "unix:" + ovsdb.socket(),
                "--enable-dummy=" + mode.name().toLowerCase(), "--disable-system", "-vvconn", "-vofproto_dpif",
                "-vunixctl"));
        vswitchd = started;
        vswitchdTicker = new MainLoopTicker(name, () -> controlSocket(started));
    }

    /** ovs-vswitchd's unixctl socket ({@code ovs-appctl}'s default target), for {@link UnixCtl}. */
    public Path vswitchdControlSocket() {
        return controlSocket(vswitchd);
    }

    private Path controlSocket(Daemon daemon) {
        return env.dir().resolve(daemon.name() + "." + daemon.pid() + ".ctl");
    }

    private void closeTicker() {
        if (vswitchdTicker != null) {
            vswitchdTicker.close();
            vswitchdTicker = null;
        }
    }

    /** Stops and starts ovs-vswitchd again: the kernel-less datapath and every flow in it are lost. */
    public void restartVswitchd() {
        vswitchd.stop();
        startVswitchd();
    }

    public void startOvnController() {
        ovnController = Daemon.start(env, "ovn-controller", List.of("ovn-controller", "unix:" + ovsdb.socket()));
    }

    public String vsctl(String... args) {
        return run(prefixed(List.of("ovs-vsctl", "--timeout=30"), args));
    }

    public String vsctlNoWait(String... args) {
        return run(prefixed(List.of("ovs-vsctl", "--timeout=30", "--no-wait"), args));
    }

    public String ofctl(String... args) {
        return run(prefixed(List.of("ovs-ofctl", "-O", "OpenFlow13"), args));
    }

    public String appctl(String... args) {
        return run(prefixed(List.of("ovs-appctl", "--timeout=30"), args));
    }

    public String run(String... command) {
        return env.run(command);
    }

    private String run(List<String> command) {
        return env.run(command);
    }

    /** The flows of a bridge as {@code ovs-ofctl dump-flows --no-stats} prints them, one per line. */
    public List<String> dumpFlows(String bridge) {
        List<String> flows = new ArrayList<>();
        for (String line : ofctl("dump-flows", bridge, "--no-stats").split("\n")) {
            String flow = line.strip();
            if (!flow.isEmpty() && !flow.startsWith("OFPST_FLOW") && !flow.startsWith("NXST_FLOW")) {
                flows.add(flow);
            }
        }
        return flows;
    }

    private static List<String> prefixed(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    @Override
    public void close() {
        if (ovnController != null) {
            ovnController.stop();
        }
        closeTicker();
        if (vswitchd != null) {
            vswitchd.stop();
        }
        ovsdb.stop();
    }

    @Override
    public String toString() {
        return name;
    }
}
