package org.ovnl2gw.agent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Rate-limited error reporting, as ovn-controller's VLOG_WARN_RL: a problem is logged when it first
 * appears, then at most once a minute while it lasts, and its end is logged once.
 */
final class ProblemLog {
    private static final long REPEAT_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger("org.ovnl2gw.agent.problems");

    private final Map<String, Long> lastLogged = new HashMap<>();

    /** Reports the problems present now (key -> message); those no longer present are logged as resolved. */
    void report(Map<String, String> current) {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, String> problem : current.entrySet()) {
            Long last = lastLogged.get(problem.getKey());
            if (last == null || now - last >= REPEAT_MILLIS) {
                LOG.warning(problem.getValue());
                lastLogged.put(problem.getKey(), now);
            }
        }
        for (String key : Set.copyOf(lastLogged.keySet())) {
            if (!current.containsKey(key)) {
                lastLogged.remove(key);
                LOG.info("resolved: " + key);
            }
        }
    }
}
