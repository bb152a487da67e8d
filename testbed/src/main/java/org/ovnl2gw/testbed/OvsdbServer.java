package org.ovnl2gw.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone {@code ovsdb-server} serving one database file created from a packaged schema, listening on
 * {@code <dir>/<name>.sock} (and on a loopback TCP port when asked).
 */
public final class OvsdbServer {
    public static final Path VSWITCH_SCHEMA = Path.of("/usr/share/openvswitch/vswitch.ovsschema");
    public static final Path NB_SCHEMA = Path.of("/usr/share/ovn/ovn-nb.ovsschema");
    public static final Path SB_SCHEMA = Path.of("/usr/share/ovn/ovn-sb.ovsschema");

    private final HostEnv env;
    private final String name;
    private final Daemon daemon;

    private OvsdbServer(HostEnv env, String name, Daemon daemon) {
        this.env = env;
        this.name = name;
        this.daemon = daemon;
    }

    /** Creates {@code <dir>/<name>.db} from {@code schema} unless it exists, then serves it. */
    public static OvsdbServer start(HostEnv env, String name, Path schema, int tcpPort) {
        return start(env, name, schema, tcpPort, List.of());
    }

    /** As {@link #start(HostEnv, String, Path, int)}, with more ovsdb-server options (remotes, key files). */
    public static OvsdbServer start(HostEnv env, String name, Path schema, int tcpPort, List<String> extraArgs) {
        Path db = env.dir().resolve(name + ".db");
        if (!Files.exists(db)) {
            env.run("ovsdb-tool", "create", db.toString(), schema.toString());
        }
        List<String> cmd = new ArrayList<>(List.of("ovsdb-server",
                "--remote=punix:" + env.dir().resolve(name + ".sock"),
                "--unixctl=" + env.dir().resolve(name + ".ctl")));
        if (tcpPort > 0) {
            cmd.add("--remote=ptcp:" + tcpPort + ":127.0.0.1");
        }
        cmd.addAll(extraArgs);
        cmd.add(db.toString());
        return new OvsdbServer(env, name, Daemon.start(env, name, cmd));
    }

    public static OvsdbServer start(HostEnv env, String name, Path schema) {
        return start(env, name, schema, 0);
    }

    /** The OVSDB remote clients use: {@code unix:<dir>/<name>.sock}. */
    public String remote() {
        return "unix:" + env.dir().resolve(name + ".sock");
    }

    /** The {@code ovs-appctl -t} target of this server. */
    public Path unixctl() {
        return env.dir().resolve(name + ".ctl");
    }

    /** The server's log file. */
    public Path logFile() {
        return env.dir().resolve(name + ".log");
    }

    public Path socket() {
        return env.dir().resolve(name + ".sock");
    }

    public Daemon daemon() {
        return daemon;
    }

    public void stop() {
        daemon.stop();
    }
}
