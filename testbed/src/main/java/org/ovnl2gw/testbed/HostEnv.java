package org.ovnl2gw.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The private directory of one simulated host and the environment that points the OVS/OVN command-line
 * tools at it (what {@code ovs_setenv} does in OVS's test suite): {@code ovs-vsctl} then talks to this
 * host's {@code db.sock}, {@code ovs-appctl} to this host's daemons.
 */
public final class HostEnv {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private final Path dir;
    private final Map<String, String> environment;

    public HostEnv(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TestbedException("cannot create " + dir, e);
        }
        Map<String, String> env = new HashMap<>();
        for (String var : List.of("OVS_RUNDIR", "OVS_LOGDIR", "OVS_DBDIR", "OVS_SYSCONFDIR", "OVS_PKGDATADIR",
                "OVN_RUNDIR", "OVN_LOGDIR", "OVN_DBDIR", "OVN_SYSCONFDIR")) {
            env.put(var, dir.toString());
        }
        // The packaged schemas live in /usr/share; OVS_PKGDATADIR above would hide them from ovsdb-tool.
        env.put("OVS_PKGDATADIR", "/usr/share/openvswitch");
        this.environment = Map.copyOf(env);
    }

    public Path dir() {
        return dir;
    }

    /** Runs a command to completion in this environment; fails with its stderr when it exits non-zero. */
    public String run(String... command) {
        return run(Arrays.asList(command));
    }

    public String run(List<String> command) {
        BoundedCommand.Result result = tryRun(command);
        if (result.exitCode() != 0) {
            throw new TestbedException("command failed (exit " + result.exitCode() + "): " + String.join(" ", command)
                    + "\n" + result.stderr().strip());
        }
        return result.stdout();
    }

    /** Runs a command and returns its exit code and output, whatever the exit code. */
    public BoundedCommand.Result tryRun(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().putAll(environment);
        builder.environment().merge("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", (a, b) -> a + ":" + b);
        builder.directory(dir.toFile());
        return BoundedCommand.run(builder, COMMAND_TIMEOUT);
    }
}
