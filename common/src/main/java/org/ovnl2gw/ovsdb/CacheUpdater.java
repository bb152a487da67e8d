package org.ovnl2gw.ovsdb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies monitor results to a {@link DatabaseCache} and tells listeners exactly what changed:
 * incremental updates row by row, and a full resync as the difference between the old cache and the
 * server's complete state, so a reconnect never shows a listener a duplicate or loses a row.
 * Runs on the session's event thread only.
 */
final class CacheUpdater {
    private static final Logger LOG = Logger.getLogger(CacheUpdater.class.getName());
    private final DatabaseCache cache;
    private final List<CacheListener> listeners;

    CacheUpdater(DatabaseCache cache, List<CacheListener> listeners) {
        this.cache = cache;
        this.listeners = listeners;
    }

    /** Applies incremental changes (update2/update3, or a resumed monitor_cond_since). */
    void applyIncremental(List<RowUpdate> updates) {
        for (RowUpdate u : updates) {
            TableCache rows = cache.table(u.table());
            Optional<Row> old = rows.get(u.uuid());
            Optional<Row> now;
            try {
                now = u.applyTo(old);
            } catch (OvsdbProtocolException e) {
                LOG.warning("ignoring " + e.getMessage());
                continue;
            }
            store(rows, u.uuid(), old, now);
        }
    }

    /** Replaces the cache with the server's full state (INITIAL rows), notifying only the difference. */
    void applyFullResync(List<RowUpdate> initial) {
        Map<String, Map<Uuid, Row>> fresh = new HashMap<>();
        cache.tableNames().forEach(t -> fresh.put(t, new HashMap<>()));
        for (RowUpdate u : initial) {
            u.applyTo(Optional.empty()).ifPresent(r -> fresh.get(u.table()).put(u.uuid(), r));
        }
        fresh.forEach((table, rowsNow) -> {
            TableCache rows = cache.table(table);
            for (Uuid gone : rows.uuids()) {
                if (!rowsNow.containsKey(gone)) {
                    store(rows, gone, rows.get(gone), Optional.empty());
                }
            }
            rowsNow.forEach((uuid, row) -> store(rows, uuid, rows.get(uuid), Optional.of(row)));
        });
    }

    private void store(TableCache rows, Uuid uuid, Optional<Row> old, Optional<Row> now) {
        if (now.isPresent()) {
            rows.put(uuid, now.get());
        } else {
            rows.remove(uuid);
        }
        if (old.isEmpty() && now.isPresent()) {
            notifyAll(l -> l.onInsert(now.get()));
        } else if (old.isPresent() && now.isEmpty()) {
            notifyAll(l -> l.onDelete(old.get()));
        } else if (old.isPresent() && !old.get().equals(now.get())) {
            notifyAll(l -> l.onUpdate(old.get(), now.get()));
        }
    }

    private void notifyAll(Consumer<CacheListener> call) {
        for (CacheListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cache listener failed", e);
            }
        }
    }
}
