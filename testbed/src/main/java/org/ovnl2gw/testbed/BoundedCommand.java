package org.ovnl2gw.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A command run to its exit under a deadline that holds. Its output goes to files, not pipes: reading a pipe to its
 * end waits for every process that holds it, so a command that stalls (ovn-nbctl waiting for a database, kubectl
 * waiting for an API server) or a daemon it leaves behind would block the caller past any deadline, and a test
 * would hang instead of failing. On the deadline the command is killed and the failure says what it printed so far.
 */
public final class BoundedCommand {
    private BoundedCommand() {
    }

    /** What a finished command said; {@code stderr} is empty when the builder merges it into stdout. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code builder}'s command with its stdin closed; fails when it has not exited within {@code timeout}. */
    public static Result run(ProcessBuilder builder, Duration timeout) {
        String command = String.join(" ", builder.command());
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("cmd", ".out");
            builder.redirectOutput(out.toFile());
            if (!builder.redirectErrorStream()) {
                err = Files.createTempFile("cmd", ".err");
                builder.redirectError(err.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new TestbedException("command did not exit within " + timeout.toSeconds() + " s, killed: "
                        + command + "\n" + text(out) + text(err));
            }
            return new Result(process.exitValue(), text(out), text(err));
        } catch (IOException e) {
            throw new TestbedException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted running " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** A temporary file's text; empty for the stderr file there is none of (stderr merged into stdout). */
    private static String text(Path file) throws IOException {
        return file == null ? "" : Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left in /tmp is harmless
            }
        }
    }
}
