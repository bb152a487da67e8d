package org.ovnl2gw.ovsdb;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One JSON-RPC connection to one ovsdb-server (RFC 7047 §4 plus the OVS extensions). Every call
 * returns a future; failures arrive as {@link OvsdbRpcException}, {@link OvsdbTransactionException},
 * {@link OvsdbNotConnectedException} or, for values that do not fit the schema, an
 * {@link IllegalArgumentException} before anything is sent. No reconnect here: see {@link OvsdbSession}.
 */
public interface OvsdbClient extends AutoCloseable {

    /** Connects to one endpoint. */
    static CompletableFuture<OvsdbClient> connect(OvsdbRemote.Endpoint endpoint, ClientOptions options) {
        return NettyOvsdbClient.connect(endpoint, options);
    }

    String peer();

    CompletableFuture<List<String>> listDbs();

    /** The schema of a database; fetched once per connection and remembered. */
    CompletableFuture<DatabaseSchema> getSchema(String database);

    /** Runs the operations atomically; values are checked against the schema before sending. */
    CompletableFuture<TransactResult> transact(String database, List<? extends Operation> operations);

    /**
     * monitor_cond_since: the handler gets the reply, then every update. With a lastTxnId the server
     * may answer only the changes since it ({@link MonitorResult#found()}). Falls back to
     * monitor_cond when the server does not know monitor_cond_since.
     */
    CompletableFuture<MonitorResult> monitorCondSince(String database, String monitorId, MonitorSpec spec,
            Optional<String> lastTxnId, MonitorHandler handler);

    /** monitor_cond: full initial contents, then update2 notifications. */
    CompletableFuture<MonitorResult> monitorCond(String database, String monitorId, MonitorSpec spec, MonitorHandler handler);

    /** A round trip; the server answers with the same parameters. */
    CompletableFuture<Void> echo();

    /** Asks to be told of database changes (OVS extension) instead of being disconnected. */
    CompletableFuture<Void> setDbChangeAware();

    /** lock: true when granted now; otherwise {@link LockListener#onLocked} follows when it is. */
    CompletableFuture<Boolean> lock(String lockId);

    /** steal: takes the lock from its current owner, who is told it was stolen. */
    CompletableFuture<Boolean> steal(String lockId);

    CompletableFuture<Void> unlock(String lockId);

    void setLockListener(LockListener listener);

    boolean isOpen();

    /** Completes when the connection is closed, by either side. */
    CompletableFuture<Void> closeFuture();

    @Override
    void close();
}
