package org.ovnl2gw.agent.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;

/**
 * Watches {@code Port_Binding.chassis} in the Southbound DB through a monitor and remembers when each
 * port's binding last changed, as the update reached us (a fraction of a millisecond after the server
 * committed it), so nothing polls the database.
 */
final class SouthboundBindings implements AutoCloseable {
    private static final String PORT_BINDING = "Port_Binding";
    private static final String CHASSIS = "Chassis";

    /** A port's binding and when it took this value. */
    private record Binding(Optional<Uuid> chassis, long sinceNanos) {
    }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private OvsdbSession session;

    private SouthboundBindings() {
    }

    static SouthboundBindings watch(String remote) throws InterruptedException {
        // the listener may run before start() returns, so the object exists first
        SouthboundBindings self = new SouthboundBindings();
        OvsdbSession session = OvsdbSession.builder(OvsdbRemote.parse(remote), "OVN_Southbound")
                .monitor(MonitorSpec.builder().table(CHASSIS, "name").table(PORT_BINDING, "logical_port", "chassis").build())
                .cacheListener(new CacheListener() {
                    @Override
                    public void onInsert(Row row) {
                        self.record(row);
                    }

                    @Override
                    public void onUpdate(Row oldRow, Row newRow) {
                        self.record(newRow);
                    }

                    @Override
                    public void onDelete(Row row) {
                        if (row.table().equals(PORT_BINDING)) {
                            // a deleted port is unbound from now on: keep when that happened
                            self.bindings.put(row.getString("logical_port"), new Binding(Optional.empty(), System.nanoTime()));
                        }
                    }
                })
                .start();
        self.session = session;
        if (!session.awaitConnected(Duration.ofSeconds(20))) {
            session.close();
            throw new IllegalStateException("cannot monitor the Southbound DB at " + remote);
        }
        return self;
    }

    private void record(Row row) {
        if (!row.table().equals(PORT_BINDING)) {
            return;
        }
        long now = System.nanoTime();
        Optional<Uuid> chassis = row.getOptionalUuid("chassis");
        bindings.compute(row.getString("logical_port"), (port, old) ->
                old != null && old.chassis().equals(chassis) ? old : new Binding(chassis, now));
    }

    /** The chassis row's uuid, once the chassis has registered. */
    Optional<Uuid> chassisUuid(String name) {
        return session.cache().table(CHASSIS).findBy("name", name).stream().map(Row::uuid).findFirst();
    }

    /** When {@code port} became bound to {@code chassis}, waiting for it until the deadline. */
    Optional<Long> awaitBound(String port, String chassis, long deadlineNanos) {
        Uuid uuid = chassisUuid(chassis).orElseThrow(() -> new IllegalStateException("no chassis " + chassis));
        return await(deadlineNanos, () -> {
            Binding b = bindings.get(port);
            return b != null && b.chassis().equals(Optional.of(uuid));
        }).map(x -> bindings.get(port).sinceNanos());
    }

    /**
     * When {@code port}'s binding stopped naming {@code chassis} (cleared, another chassis, or the port went),
     * waiting until the deadline.
     */
    Optional<Long> awaitReleased(String port, String chassis, long deadlineNanos) {
        Optional<Uuid> uuid = chassisUuid(chassis);
        return await(deadlineNanos, () -> {
            Binding b = bindings.get(port);
            return b == null || !b.chassis().equals(uuid);
        }).map(x -> {
            Binding b = bindings.get(port);
            return b == null ? System.nanoTime() : b.sinceNanos();
        });
    }

    /** When the first and the last of {@code ports} became bound to {@code chassis}. */
    Optional<long[]> awaitAllBound(List<String> ports, String chassis, long deadlineNanos) {
        Uuid uuid = chassisUuid(chassis).orElseThrow(() -> new IllegalStateException("no chassis " + chassis));
        return await(deadlineNanos, () -> ports.stream().allMatch(p -> {
            Binding b = bindings.get(p);
            return b != null && b.chassis().equals(Optional.of(uuid));
        })).map(x -> {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (String p : ports) {
                long t = bindings.get(p).sinceNanos();
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
            return new long[] {first, last};
        });
    }

    /** Whether none of the ports exists or is bound any more. */
    boolean noneBound(List<String> ports) {
        return ports.stream().allMatch(p -> {
            Binding b = bindings.get(p);
            return b == null || b.chassis().isEmpty();
        });
    }

    static Optional<Boolean> await(long deadlineNanos, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadlineNanos) {
                return Optional.empty();
            }
            sleepMillis(1);
        }
        return Optional.of(true);
    }

    static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
