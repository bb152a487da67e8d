package org.ovnl2gw.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OVS/OVN daemon started with {@code --detach --pidfile}: the parent returns once the daemon has
 * initialised, and the pid file tells us exactly which process to stop later.
 */
public final class Daemon {
    private static final Set<Daemon> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Daemon::stop), "testbed-daemon-reaper"));
    }

    private final String name;
    private final Path pidFile;
    private final List<String> command;
    private final HostEnv env;
    private volatile long pid;

    private Daemon(HostEnv env, String name, Path pidFile, List<String> command) {
        this.env = env;
        this.name = name;
        this.pidFile = pidFile;
        this.command = List.copyOf(command);
    }

    /** Starts {@code program args...} detached in {@code env}'s directory, logging to {@code <name>.log}. */
    public static Daemon start(HostEnv env, String name, List<String> programAndArgs) {
        Path pidFile = env.dir().resolve(name + ".pid");
        List<String> cmd = new ArrayList<>(programAndArgs);
        cmd.add("-vconsole:off");
        cmd.add("-vfile:info");
        cmd.add("--detach");
        cmd.add("--no-chdir");
        cmd.add("--pidfile=" + pidFile);
        cmd.add("--log-file=" + env.dir().resolve(name + ".log"));
        Daemon daemon = new Daemon(env, name, pidFile, cmd);
        daemon.launch();
        return daemon;
    }

    private void launch() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new TestbedException("cannot remove stale pid file " + pidFile, e);
        }
        env.run(command);
        pid = readPid();
        RUNNING.add(this);
    }

    private long readPid() {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Files.exists(pidFile)) {
                    String text = Files.readString(pidFile).trim();
                    if (!text.isEmpty()) {
                        return Long.parseLong(text);
                    }
                }
                Thread.sleep(20);
            } catch (IOException | NumberFormatException e) {
                // written concurrently by the daemon: read again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new TestbedException(name + " did not write its pid file " + pidFile);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    /** Whether the daemon is running: false once it has exited, reaped or not (see {@link #running}). */
    public boolean isAlive() {
        return handle().map(Daemon::running).orElse(false);
    }

    /** Starts the same command again (after {@link #stop()} or {@link #kill()}). */
    public void restart() {
        stop();
        launch();
    }

    /** SIGTERM, then SIGKILL if it has not gone within five seconds. Idempotent. */
    public void stop() {
        terminate(false);
    }

    /** SIGKILL: the daemon dies as if the node failed, leaving its files behind. */
    public void kill() {
        terminate(true);
    }

    /** SIGSTOP: the daemon stalls, keeping its sockets open and answering nothing, until {@link #resume()}. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " (" + name + ") failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void terminate(boolean forcibly) {
        RUNNING.remove(this);
        Optional<ProcessHandle> handle = handle();
        if (handle.isEmpty()) {
            return;
        }
        ProcessHandle process = handle.get();
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!waitGone(process, Duration.ofSeconds(5)) && !forcibly) {
            process.destroyForcibly();
            waitGone(process, Duration.ofSeconds(5));
        }
    }

    private Optional<ProcessHandle> handle() {
        long p = pid;
        return p > 0 ? ProcessHandle.of(p) : Optional.empty();
    }

    private static boolean waitGone(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (running(process) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !running(process);
    }

    /** Whether process {@code pid} runs, a zombie counting as stopped (see {@link #running(ProcessHandle)}). */
    public static boolean running(long pid) {
        return ProcessHandle.of(pid).map(Daemon::running).orElse(false);
    }

    /**
     * Whether the process still runs. {@link ProcessHandle#isAlive()} alone is not enough: a daemon started
     * with {@code --detach} is not our child, so once it exits it stays a zombie until init reaps it, and
     * isAlive() counts a zombie as alive. The init of this project's 2-core CI machine reaps about every
     * 2 s, which made every stop or kill wait that long (two daemons per host, most of a typical IT's
     * time). A zombie has closed its sockets and files and removed its pid file: for the testbed it is gone.
     */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false; // gone, or its pid now belongs to another process (ProcessHandle checks the start time)
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // pid (comm) state ...: comm may hold spaces and parentheses, the state follows the last ')'
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | IndexOutOfBoundsException e) {
            return true; // no /proc: isAlive() said it runs
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + pid + "]";
    }
}
