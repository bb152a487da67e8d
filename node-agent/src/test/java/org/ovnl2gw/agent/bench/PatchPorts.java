package org.ovnl2gw.agent.bench;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * The l2gateway patch ports on one gateway's br-int side ({@code patch-br-int-to-<lport>}, the name both
 * ovn-controller and our agent give them), watched through a monitor on the gateway's local Open_vSwitch
 * database: when they were all there, or all gone.
 */
final class PatchPorts implements AutoCloseable {
    private static final String PREFIX = "patch-br-int-to-";
    private final Set<String> ports = ConcurrentHashMap.newKeySet();
    private volatile long changedNanos = System.nanoTime();
    private OvsdbSession session;

    private PatchPorts() {
    }

    static PatchPorts watch(String remote) throws InterruptedException {
        // the listener may run before start() returns, so the object exists first
        PatchPorts self = new PatchPorts();
        OvsdbSession session = OvsdbSession.builder(OvsdbRemote.parse(remote), "Open_vSwitch")
                .monitor(MonitorSpec.builder().table("Port", "name").build())
                .cacheListener(new CacheListener() {
                    @Override
                    public void onInsert(Row row) {
                        self.changed(row, true);
                    }

                    @Override
                    public void onDelete(Row row) {
                        self.changed(row, false);
                    }
                })
                .start();
        self.session = session;
        if (!session.awaitConnected(Duration.ofSeconds(20))) {
            session.close();
            throw new IllegalStateException("cannot monitor the gateway's Open_vSwitch DB at " + remote);
        }
        session.cache().rows("Port").forEach(r -> self.changed(r, true));
        return self;
    }

    private void changed(Row row, boolean present) {
        String name = row.getString("name");
        if (name.startsWith(PREFIX) && (present ? ports.add(name) : ports.remove(name))) {
            changedNanos = System.nanoTime();
        }
    }

    int count() {
        return ports.size();
    }

    /** How many of these logical ports have their patch port here. */
    int countOf(java.util.Collection<String> logicalPorts) {
        return (int) logicalPorts.stream().filter(p -> ports.contains(PREFIX + p)).count();
    }

    /** When the count last changed (so: when it reached what it is now). */
    long changedNanos() {
        return changedNanos;
    }

    @Override
    public void close() {
        session.close();
    }
}
