package org.ovnl2gw.agent.bench;

/** Progress lines on stderr, stamped with the time since the start, so stdout holds only the results. */
final class Progress {
    private final long start = System.nanoTime();

    void say(String line) {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        System.err.printf("[%02d:%02d] %s%n", s / 60, s % 60, line);
    }
}
