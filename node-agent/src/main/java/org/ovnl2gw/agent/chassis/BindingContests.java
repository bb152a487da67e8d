package org.ovnl2gw.agent.chassis;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Bounds how often this chassis takes a port back from a chassis that is not one of its candidates. OVN's RBAC
 * lets any chassis rewrite any {@code Port_Binding}'s {@code chassis}; taking it back every time would be an
 * endless tug of war that nothing reports. So a port is taken back at most {@link #MAX_RECLAIMS} times per
 * {@link #WINDOW}; after that it is left to the other chassis and reported, and the operator's status says
 * {@code BindingContested}, naming it, until someone removes the cause.
 */
public final class BindingContests {
    public static final int MAX_RECLAIMS = 3;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<String, Deque<Long>> reclaims = new HashMap<>();

    /** Whether to take {@code port} back from {@code holder} now; records it when allowed. */
    public boolean mayReclaim(String port, long nowMillis) {
        Deque<Long> times = reclaims.computeIfAbsent(port, p -> new ArrayDeque<>());
        while (!times.isEmpty() && nowMillis - times.peekFirst() > WINDOW.toMillis()) {
            times.removeFirst();
        }
        if (times.size() >= MAX_RECLAIMS) {
            return false;
        }
        times.addLast(nowMillis);
        return true;
    }

    public void forget(String port) {
        reclaims.remove(port);
    }
}
