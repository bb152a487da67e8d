package org.ovnl2gw.agent.loop;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread running one controller's pass. {@link #request} runs the pass right away when the thread is
 * idle; requests made while a pass waits to start are folded into it, and a request made while a pass runs
 * gets exactly one more pass after it (the change may have come too late for the running one). There is no
 * delay to gather changes: a pass that finds nothing to do costs little, and waiting would be latency.
 */
public final class CoalescingLoop implements AutoCloseable {
    private final ScheduledExecutorService thread;
    private final Runnable pass;
    private final AtomicBoolean pending = new AtomicBoolean();

    public CoalescingLoop(String threadName, Runnable pass) {
        this.pass = pass;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the pass soon, once for any number of requests made before it starts. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            submit(this::runPass, Duration.ZERO);
        }
    }

    /** A request made {@code delay} from now (a retry after a failure). */
    public void requestAfter(Duration delay) {
        submit(this::request, delay);
    }

    /** Runs {@code tick} on the loop's thread after {@code first}, then {@code period} after each run. */
    public void every(Duration first, Duration period, Runnable tick) {
        thread.scheduleWithFixedDelay(tick, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the pass now, on the caller's thread, which must be the loop's (from a tick). */
    public void runNow() {
        runPass();
    }

    private void runPass() {
        pending.set(false);
        pass.run();
    }

    private void submit(Runnable task, Duration delay) {
        if (thread.isShutdown()) {
            return;
        }
        try {
            thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping: the change no longer matters
        }
    }

    /** Stops the loop, letting a running pass finish for up to {@code timeout}; true when it did. */
    public boolean stop(Duration timeout) throws InterruptedException {
        thread.shutdown();
        return thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the loop without waiting, interrupting a running pass. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
