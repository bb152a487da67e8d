package org.ovnl2gw.agent.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * Waits for ovs-vswitchd to number ports just created: it writes {@code Interface.ofport} a few milliseconds
 * after our transaction commits, and flows for those ports need the number. Waiting here, inside the pass that
 * created them, saves a whole pass (and the changes that would have queued behind it).
 */
public final class OfportWatch {
    private final LocalSwitch local;
    private final Object changed = new Object();

    public OfportWatch(OvsdbSession ovs) {
        this.local = new LocalSwitch(ovs);
        ovs.addCacheListener(new CacheListener() {
            @Override
            public void onInsert(Row row) {
                signal(row);
            }

            @Override
            public void onUpdate(Row oldRow, Row newRow) {
                signal(newRow);
            }
        });
    }

    private void signal(Row row) {
        if (row.table().equals("Interface")) {
            synchronized (changed) {
                changed.notifyAll();
            }
        }
    }

    /**
     * The OpenFlow port numbers on {@code bridge} by port name, once every one of {@code names} has one or
     * {@code timeout} passed (then those missing are simply absent, as before they are numbered).
     */
    public Map<String, Long> await(String bridge, Set<String> names, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            // the cache is updated before its listeners run, and they need this lock to signal: no change is missed
            while (true) {
                Map<String, Long> ofports = local.ofports(bridge);
                long left = deadline - System.nanoTime();
                if (ofports.keySet().containsAll(names) || left <= 0) {
                    return ofports;
                }
                changed.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
