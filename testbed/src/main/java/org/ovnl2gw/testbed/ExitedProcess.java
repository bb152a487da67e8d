package org.ovnl2gw.testbed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program run to its exit, for tests of what it says on stderr and how it exits (its start-up checks). */
public record ExitedProcess(int exitCode, String stderr) {

    /**
     * Waits for {@code process}'s exit and returns what it said on stderr; fails, killing it, when it has not exited
     * within {@code timeout} ({@code name} says what did not exit). Stderr is read on its own thread, so a program
     * that stalls fails the wait instead of blocking it.
     */
    public static ExitedProcess await(Process process, String name, Duration timeout) throws InterruptedException {
        OutputLines err = OutputLines.follow(process.getErrorStream(), name, line -> { });
        return exited(process, err, timeout, name + " did not exit");
    }

    /** Stops {@code process} (SIGTERM; SIGKILL and a failure after {@code timeout}) and returns how it exited. */
    public static ExitedProcess stop(Process process, OutputLines err, Duration timeout) throws InterruptedException {
        process.destroy();
        return exited(process, err, timeout, "the process did not stop on SIGTERM");
    }

    /** The exit within {@code timeout}, with all of {@code err}; else a kill, and a failure saying {@code failure}. */
    private static ExitedProcess exited(Process process, OutputLines err, Duration timeout, String failure)
            throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(failure + " within " + timeout.toSeconds() + " s:\n" + text(err.lines()));
        }
        err.awaitEnd(Duration.ofSeconds(5));
        return new ExitedProcess(process.exitValue(), text(err.lines()));
    }

    private static String text(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
