package org.ovnl2gw.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A program run to its exit, for tests of what it says on stderr and how it exits (its start-up checks). */
public record ExitedProcess(int exitCode, String stderr) {

    /**
     * Reads {@code process}'s stderr to its end and waits for its exit; fails, killing it, when it has not exited
     * within {@code timeout} of closing stderr ({@code name} says what did not exit).
     */
    public static ExitedProcess await(Process process, String name, Duration timeout)
            throws IOException, InterruptedException {
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit:\n" + err);
        }
        return new ExitedProcess(process.exitValue(), err);
    }
}
