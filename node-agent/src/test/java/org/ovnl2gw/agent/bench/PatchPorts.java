package org.ovnl2gw.agent.bench;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * The l2gateway patch ports on one gateway's br-int side, watched through a monitor on the gateway's local
 * Open_vSwitch database: when those the logical ports need were all there, or all gone. ovn-controller makes one
 * per logical port ({@code patch-br-int-to-<lport>}), our agent one per mapped bridge
 * ({@code patch-br-int-to-<bridge>}, shared by every port on it).
 */
final class PatchPorts implements AutoCloseable {
    private static final String PREFIX = "patch-br-int-to-";
    /** ovn-controller's naming: a patch port per logical port. */
    static final Function<String, String> PER_PORT = lport -> PREFIX + lport;

    /** Our agent's naming: every logical port uses the patch port to {@code bridge}. */
    static Function<String, String> perBridge(String bridge) {
        return lport -> PREFIX + bridge;
    }

    private final Set<String> ports = ConcurrentHashMap.newKeySet();
    private final Function<String, String> patchOf;
    private volatile long changedNanos = System.nanoTime();
    private OvsdbSession session;

    private PatchPorts(Function<String, String> patchOf) {
        this.patchOf = patchOf;
    }

    static PatchPorts watch(String remote, Function<String, String> patchOf) throws InterruptedException {
        // the listener may run before start() returns, so the object exists first
        PatchPorts self = new PatchPorts(patchOf);
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

    /** Whether each logical port has a patch port of its own (which goes with it). */
    boolean perLogicalPort() {
        return patchOf == PER_PORT;
    }

    /** How many of these logical ports have their patch port here. */
    int countOf(java.util.Collection<String> logicalPorts) {
        return (int) logicalPorts.stream().filter(p -> ports.contains(patchOf.apply(p))).count();
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
