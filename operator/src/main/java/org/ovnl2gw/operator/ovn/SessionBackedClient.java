package org.ovnl2gw.operator.ovn;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.ClientOptions;
import org.ovnl2gw.ovsdb.ConnectionListener;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * What the Northbound and Southbound clients share: one monitored {@link OvsdbSession}, the transact
 * timeout, the change listeners, and the forwarding of cache changes (on the session's event thread) to
 * {@link #changed(Row, Row)}, where each client turns them into the few signals reconciles care about, and of
 * connection changes to {@link OvnChangeListener#connectionChanged} (the session logs them).
 */
abstract class SessionBackedClient implements AutoCloseable {
    protected final OvsdbSession session;
    protected final Duration timeout;
    protected final List<OvnChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final String database;

    protected SessionBackedClient(String remote, String database, MonitorSpec monitor, ClientOptions options,
                                  Duration timeout) {
        this.database = database;
        this.timeout = timeout;
        this.session = OvsdbSession.builder(OvsdbRemote.parse(remote), database)
                .clientOptions(options).monitor(monitor).start();
        session.addCacheListener(new CacheListener() {
            @Override
            public void onInsert(Row row) {
                changed(null, row);
            }

            @Override
            public void onUpdate(Row oldRow, Row newRow) {
                changed(oldRow, newRow);
            }

            @Override
            public void onDelete(Row row) {
                changed(row, null);
            }
        });
        session.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(String peer, boolean resumed) {
                listeners.forEach(OvnChangeListener::connectionChanged);
            }

            @Override
            public void onDisconnected(String reason) {
                listeners.forEach(OvnChangeListener::connectionChanged);
            }
        });
    }

    /** A row changed in the cache: {@code before} is null for an insert, {@code after} for a delete. */
    protected abstract void changed(Row before, Row after);

    public void addListener(OvnChangeListener listener) {
        listeners.add(listener);
    }

    public boolean awaitConnected(Duration wait) throws InterruptedException {
        return session.awaitConnected(wait);
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    protected void requireConnected() {
        if (!session.isConnected()) {
            throw new OvnUnavailableException("not connected to " + database);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
