package org.ovnl2gw.ovsdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A lasting connection to one database, as node-agent and operator use it: connects to one of the
 * remote's endpoints (the leader, for a clustered database), keeps a monitor on the requested tables
 * in a {@link DatabaseCache}, and reconnects with exponential backoff, resuming from the last
 * transaction id or resyncing in full. All cache changes and listener calls happen on one event
 * thread. See DESIGN.md.
 */
public final class OvsdbSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OvsdbSession.class.getName());
    private static final String CACHE_MONITOR = "cache";
    private static final String SERVER_MONITOR = "server";

    private final OvsdbRemote remote;
    private final String database;
    private final MonitorSpec spec;
    private final ClientOptions options;
    private final boolean leaderOnly;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final List<CacheListener> cacheListeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService events;

    // the fields below are written on the event thread only
    private volatile DatabaseSchema schema;
    private volatile DatabaseCache cache;
    private CacheUpdater updater;
    private volatile Optional<String> lastTxnId = Optional.empty();
    private volatile OvsdbClient client;
    private volatile boolean connected;
    private volatile boolean closed;
    private int generation;
    private int endpointIndex;
    private Duration backoff;
    private final CountDownLatch firstSync = new CountDownLatch(1);

    private OvsdbSession(Builder b) {
        this.remote = b.remote;
        this.database = b.database;
        this.spec = b.spec;
        this.options = b.options;
        this.leaderOnly = b.leaderOnly;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
        this.backoff = b.minBackoff;
        this.cacheListeners.addAll(b.cacheListeners);
        this.connectionListeners.addAll(b.connectionListeners);
        this.events = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ovsdb-session-" + b.database);
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(OvsdbRemote remote, String database) {
        return new Builder(remote, database);
    }

    public String database() {
        return database;
    }

    public boolean isConnected() {
        return connected;
    }

    /** Waits until the first connection's cache is in sync; false on timeout. Later reconnects do not block. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return firstSync.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && connected;
    }

    /** The database schema; available once the session has connected. */
    public DatabaseSchema schema() {
        DatabaseSchema s = schema;
        if (s == null) {
            throw new IllegalStateException("session for " + database + " has not connected yet");
        }
        return s;
    }

    /** The cache of the monitored tables; available once the session has connected. */
    public DatabaseCache cache() {
        DatabaseCache c = cache;
        if (c == null) {
            throw new IllegalStateException("session for " + database + " has not connected yet");
        }
        return c;
    }

    public void addCacheListener(CacheListener l) {
        cacheListeners.add(l);
    }

    public void addConnectionListener(ConnectionListener l) {
        connectionListeners.add(l);
    }

    /**
     * Runs the operations atomically with a comment (written to the server's log), on the current
     * connection. Fails with {@link OvsdbNotConnectedException} while disconnected: callers retry from
     * their reconcile loop rather than queueing writes against a state they have not seen.
     */
    public CompletableFuture<TransactResult> transact(String comment, List<? extends Operation> operations) {
        OvsdbClient c = client;
        if (c == null || !connected) {
            return CompletableFuture.failedFuture(new OvsdbNotConnectedException("not connected to " + database + " at " + remote));
        }
        List<Operation> ops = new ArrayList<>(operations);
        // the comment goes last so the caller's operation indices stay as they were
        ops.add(Operations.comment(comment));
        return c.transact(database, ops);
    }

    /** Starts connecting (in the background); returns this. */
    public OvsdbSession start() {
        events.execute(this::attempt);
        return this;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        events.execute(() -> {
            OvsdbClient c = client;
            if (c != null) {
                c.close();
            }
        });
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void attempt() {
        if (closed) {
            return;
        }
        int gen = ++generation;
        OvsdbRemote.Endpoint endpoint = remote.endpoints().get(endpointIndex % remote.endpoints().size());
        LOG.fine(() -> "connecting to " + endpoint + " for " + database);
        connect(endpoint).thenCompose(c -> onEvents(() -> adopt(gen, c)).thenCompose(x -> setUp(gen, c)))
                .whenComplete((ok, error) -> post(() -> {
                    if (error != null && gen == generation) {
                        Throwable cause = unwrap(error);
                        if (!(cause instanceof OvsdbException)) {
                            // not the network: a bad monitor spec or a bug; say so loudly, still retry
                            LOG.log(Level.WARNING, database + ": session setup failed", cause);
                        }
                        failed(gen, describe(error));
                    }
                }));
    }

    /**
     * Connects, turning anything connect throws (a key file it cannot use) into a failed attempt: thrown
     * on the event thread it would end this attempt with no retry and no word said.
     */
    private CompletableFuture<OvsdbClient> connect(OvsdbRemote.Endpoint endpoint) {
        try {
            return OvsdbClient.connect(endpoint, options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Hands work to the event thread; after close() there is nothing left to do, so it is dropped. */
    private void post(Runnable r) {
        try {
            events.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.fine(() -> database + ": session closed, dropping late event");
        }
    }

    private CompletableFuture<Void> onEvents(Runnable r) {
        return CompletableFuture.runAsync(r, events);
    }

    private void adopt(int gen, OvsdbClient c) {
        if (gen != generation || closed) {
            c.close();
            throw new OvsdbNotConnectedException("superseded");
        }
        client = c;
        c.closeFuture().thenRun(() -> post(() -> {
            if (gen == generation) {
                failed(gen, "connection to " + c.peer() + " closed");
            }
        }));
    }

    /** Leader check, _Server watch, schema, then the cache monitor; the reply is applied in order on the event thread. */
    private CompletableFuture<Void> setUp(int gen, OvsdbClient c) {
        CompletableFuture<Void> ready = leaderOnly ? LeaderCheck.require(c, database) : CompletableFuture.completedFuture(null);
        return ready
                .thenCompose(x -> c.setDbChangeAware().exceptionally(e -> null))
                .thenCompose(x -> leaderOnly ? watchServer(gen, c) : CompletableFuture.completedFuture(null))
                .thenCompose(x -> c.getSchema(database))
                .thenCompose(s -> onEvents(() -> useSchema(s)))
                .thenCompose(x -> c.monitorCondSince(database, CACHE_MONITOR, spec, lastTxnId, new MonitorHandler() {
                    @Override
                    public void onReply(MonitorResult result) {
                        post(() -> applyReply(gen, c, result));
                    }

                    @Override
                    public void onUpdate(List<RowUpdate> updates, Optional<String> txn) {
                        post(() -> applyUpdate(gen, updates, txn));
                    }

                    @Override
                    public void onCanceled() {
                        LOG.info("monitor on " + database + " cancelled by " + c.peer() + ", reconnecting");
                        c.close();
                    }
                }))
                .thenApply(r -> null);
    }

    /** Watches our row in _Server.Database so losing leadership drops the connection at once. */
    private CompletableFuture<Void> watchServer(int gen, OvsdbClient c) {
        MonitorSpec serverSpec = MonitorSpec.builder().table("Database", "name", "model", "connected", "leader")
                .where("Database", Condition.equalTo("name", database)).build();
        return c.monitorCondSince(LeaderCheck.SERVER_DB, SERVER_MONITOR, serverSpec, Optional.empty(), (updates, txn) -> {
            if (LeaderCheck.lostLeadership(updates)) {
                LOG.info(c.peer() + " is no longer the leader of " + database + ", reconnecting");
                c.close();
            }
        }).thenApply(r -> null);
    }

    private void useSchema(DatabaseSchema s) {
        if (cache == null) {
            spec.validate(s);
            schema = s;
            cache = new DatabaseCache(s, spec.tables().keySet());
            updater = new CacheUpdater(cache, cacheListeners);
        }
    }

    private void applyReply(int gen, OvsdbClient c, MonitorResult result) {
        if (gen != generation) {
            return;
        }
        if (result.found()) {
            updater.applyIncremental(result.updates());
        } else {
            updater.applyFullResync(result.updates());
        }
        lastTxnId = result.lastTxnId();
        connected = true;
        backoff = minBackoff;
        LOG.info(() -> "connected to " + database + " at " + c.peer() + (result.found() ? " (resumed)" : " (full sync)"));
        connectionListeners.forEach(l -> safely(() -> l.onConnected(c.peer(), result.found())));
        firstSync.countDown();
    }

    private void applyUpdate(int gen, List<RowUpdate> updates, Optional<String> txn) {
        if (gen != generation) {
            return;
        }
        updater.applyIncremental(updates);
        if (txn.isPresent()) {
            lastTxnId = txn;
        }
    }

    private void failed(int gen, String reason) {
        if (closed) {
            return;
        }
        generation++; // anything still arriving from the old connection is stale now
        OvsdbClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
        boolean wasConnected = connected;
        connected = false;
        endpointIndex++;
        Duration delay = wasConnected ? minBackoff : backoff;
        if (!wasConnected) {
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
        LOG.log(wasConnected ? Level.WARNING : Level.FINE, () -> database + ": " + reason + "; retrying in " + delay.toMillis() + " ms");
        connectionListeners.forEach(l -> safely(() -> l.onDisconnected(reason)));
        events.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "connection listener failed", e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
        Throwable t = unwrap(e);
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Settings of a session. */
    public static final class Builder {
        private final OvsdbRemote remote;
        private final String database;
        private MonitorSpec spec = MonitorSpec.builder().build();
        private ClientOptions options = ClientOptions.defaults();
        private boolean leaderOnly = true;
        private Duration minBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private final List<CacheListener> cacheListeners = new ArrayList<>();
        private final List<ConnectionListener> connectionListeners = new ArrayList<>();

        private Builder(OvsdbRemote remote, String database) {
            this.remote = remote;
            this.database = database;
        }

        public Builder monitor(MonitorSpec monitorSpec) {
            this.spec = monitorSpec;
            return this;
        }

        public Builder clientOptions(ClientOptions clientOptions) {
            this.options = clientOptions;
            return this;
        }

        /** Connect only to the leader of a clustered database (default true; harmless for standalone). */
        public Builder leaderOnly(boolean only) {
            this.leaderOnly = only;
            return this;
        }

        public Builder backoff(Duration min, Duration max) {
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        public Builder cacheListener(CacheListener l) {
            cacheListeners.add(l);
            return this;
        }

        public Builder connectionListener(ConnectionListener l) {
            connectionListeners.add(l);
            return this;
        }

        /** Builds and starts the session. */
        public OvsdbSession start() {
            return new OvsdbSession(this).start();
        }
    }
}
