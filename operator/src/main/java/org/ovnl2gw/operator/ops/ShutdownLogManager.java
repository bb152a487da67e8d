package org.ovnl2gw.operator.ops;

import java.util.logging.LogManager;

/**
 * A JUL LogManager that keeps logging while shutdown hooks run. The JDK's own manager resets (closes every
 * handler) from its shutdown hook, which races ours, so what the operator decides while stopping (leaving the
 * Lease, closing sessions) would be lost. Install it by setting the system property {@code
 * java.util.logging.manager} to this class's name before anything touches java.util.logging, without calling
 * into this class first (initializing it initializes LogManager, which reads the property); the operator calls
 * {@link #finish()} itself once it has stopped.
 */
public final class ShutdownLogManager extends LogManager {
    private volatile boolean finished;

    /** Flushes and closes the handlers now that the last line has been logged. */
    public static void finish() {
        if (LogManager.getLogManager() instanceof ShutdownLogManager manager) {
            manager.finished = true;
            manager.reset();
        }
    }

    @Override
    public void reset() {
        // the JDK's shutdown hook calls this too early; only finish() really resets
        if (finished) {
            super.reset();
        }
    }
}
