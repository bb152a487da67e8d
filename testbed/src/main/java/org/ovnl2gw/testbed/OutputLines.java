package org.ovnl2gw.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A process's output, read line by line on its own thread from the moment it starts, so that a test waits for a line
 * under a deadline that holds (a blocked {@code readLine} has none) and a process that goes on writing never blocks on
 * a full pipe nobody reads.
 */
public final class OutputLines {
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private OutputLines() {
    }

    /** Starts reading {@code in}; every line is also handed to {@code echo} (as a test prints it for its log). */
    public static OutputLines follow(InputStream in, String name, Consumer<String> echo) {
        OutputLines output = new OutputLines();
        Thread reader = new Thread(() -> output.read(in, echo), name + " output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void read(InputStream in, Consumer<String> echo) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                echo.accept(line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the stream closed under us: what was read is what there is
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /**
     * The first line from {@code from} on (an index into {@link #lines()}) that matches, or empty when the output
     * ended without one; fails when neither has happened within {@code timeout}, saying what {@code awaited} was.
     */
    public synchronized Optional<String> awaitLine(int from, Predicate<String> match, Duration timeout, String awaited)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int next = from; ; ) {
            for (; next < lines.size(); next++) {
                if (match.test(lines.get(next))) {
                    return Optional.of(lines.get(next));
                }
            }
            if (ended) {
                return Optional.empty();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + awaited + " within " + timeout.toSeconds() + " s; the output so far:\n"
                        + String.join("\n", lines));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits for the end of the output (every holder of the stream closed it); false when it has not within timeout. */
    public synchronized boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Every line read so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
