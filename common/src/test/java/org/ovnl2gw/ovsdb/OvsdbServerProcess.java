package org.ovnl2gw.ovsdb;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real ovsdb-server for this module's integration tests, in its own directory, stopped by pid.
 * (The testbed module has the shared fixtures, but it depends on this module, so common's own tests
 * carry this small one.)
 */
final class OvsdbServerProcess implements AutoCloseable {
    private final Path dir;
    private final String name;
    private final List<String> command;
    private long pid;

    private OvsdbServerProcess(Path dir, String name, List<String> command) {
        this.dir = dir;
        this.name = name;
        this.command = command;
    }

    /** A standalone database created from the schema, served on {@code unix:<dir>/<name>.sock}. */
    static OvsdbServerProcess standalone(Path dir, String name, Path schema) {
        Path db = dir.resolve(name + ".db");
        run(dir, "ovsdb-tool", "create", db.toString(), schema.toString());
        return start(dir, name, db);
    }

    /** Serves an existing database file (standalone or a cluster member). */
    static OvsdbServerProcess start(Path dir, String name, Path db) {
        return start(dir, name, db, List.of());
    }

    /** As {@link #start(Path, String, Path)} with more ovsdb-server options (e.g. an SSL listener). */
    static OvsdbServerProcess start(Path dir, String name, Path db, List<String> options) {
        List<String> cmd = new ArrayList<>(List.of("ovsdb-server", "--remote=punix:" + dir.resolve(name + ".sock"),
                "--unixctl=" + dir.resolve(name + ".ctl"), "-vconsole:off", "-vfile:info", "--detach", "--no-chdir",
                "--pidfile=" + dir.resolve(name + ".pid"), "--log-file=" + dir.resolve(name + ".log")));
        cmd.addAll(options);
        cmd.add(db.toString());
        OvsdbServerProcess p = new OvsdbServerProcess(dir, name, cmd);
        p.launch();
        return p;
    }

    void launch() {
        Path pidFile = dir.resolve(name + ".pid");
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        run(dir, command.toArray(String[]::new));
        pid = Long.parseLong(read(pidFile).trim());
    }

    String remote() {
        return "unix:" + dir.resolve(name + ".sock");
    }

    Path dir() {
        return dir;
    }

    Path db() {
        return Path.of(command.get(command.size() - 1));
    }

    long pid() {
        return pid;
    }

    /** SIGKILL, as if the node died. */
    void kill() {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroyForcibly();
            waitGone(h);
        });
    }

    /** SIGTERM, then SIGKILL if it lingers. */
    void stop() {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            if (!waitGone(h)) {
                h.destroyForcibly();
                waitGone(h);
            }
        });
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean waitGone(ProcessHandle h) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (running(h) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(20));
        }
        return !running(h);
    }

    /**
     * isAlive() and not a zombie: the detached server is not our child, and init may take seconds to reap
     * it (about 2 s on this project's CI machine) while isAlive() still says true. Testbed's Daemon does the
     * same; this module's tests cannot use the testbed, which depends on it.
     */
    private static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | IndexOutOfBoundsException e) {
            return true;
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try {
                String s = Files.readString(file);
                if (!s.isBlank()) {
                    return s;
                }
            } catch (IOException e) {
                // not written yet
            }
            sleep(Duration.ofMillis(20));
        }
        throw new IllegalStateException("no pid file " + file);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a tool to completion in dir; fails with its stderr. */
    static String run(Path dir, String... command) {
        try {
            Files.createDirectories(dir);
            // output to files, not pipes: a pipe is read to its end only when every process holding it exits, and
            // that wait would have no deadline
            Path out = Files.createTempFile(dir, "cmd", ".out");
            Path err = Files.createTempFile(dir, "cmd", ".err");
            ProcessBuilder b = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            b.environment().put("OVS_RUNDIR", dir.toString());
            b.environment().put("OVS_DBDIR", dir.toString());
            Process p = b.start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
