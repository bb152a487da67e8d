package org.ovnl2gw.agent.openflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies a list of flow changes through one ONF bundle (OpenFlow 1.3 extension).
 *
 * <p>Why a barrier before the commit: OVS decodes each flow mod when it is added and, if the
 * decode fails, reports the error but keeps the bundle open without that message; committing
 * then would apply the rest, which is not atomic. So a refused add leads to a discard instead.
 */
final class BundleTransaction {
    private static final System.Logger LOG = System.getLogger(BundleTransaction.class.getName());
    private static final int FLAGS = BundleCodec.FLAG_ATOMIC | BundleCodec.FLAG_ORDERED;

    private final OpenFlowConnection connection;
    private final AtomicLong bundleIds = new AtomicLong();

    BundleTransaction(OpenFlowConnection connection) {
        this.connection = connection;
    }

    /**
     * Completes with true when the bundle committed, false when the switch would not open one
     * (the caller falls back to plain flow mods); fails if a change was refused.
     */
    CompletableFuture<Boolean> apply(List<FlowChange> changes) {
        Staged staged = stage(changes);
        return staged.ready().thenCompose(open -> open ? staged.commit().thenApply(v -> true)
                : CompletableFuture.completedFuture(false));
    }

    /**
     * Sends the changes as an open bundle, up to its barrier: in the switch, checked, and not in effect until
     * {@link Staged#commit}. The open, the adds and the barrier go in one write, without waiting for the open's
     * reply: the switch handles a connection's messages in order, so the adds find the bundle open, and a change
     * costs two round trips (barrier, commit), not three. When ovs-vswitchd is busy (adding the ports the same
     * pass created) each round trip waits for a turn of its main loop.
     */
    Staged stage(List<FlowChange> changes) {
        long id = bundleIds.incrementAndGet() & 0xffffffffL;
        List<OpenFlowConnection.Outgoing> batch = new ArrayList<>(changes.size() + 2);
        batch.add(OpenFlowConnection.Outgoing.request(OfMessage.of(OfType.EXPERIMENTER, connection.nextXid(),
                BundleCodec.control(id, BundleCodec.OPEN_REQUEST, FLAGS)), "bundle " + id + " open"));
        List<Long> xids = new ArrayList<>(changes.size());
        for (FlowChange change : changes) {
            long xid = connection.nextXid();
            OfMessage inner = OfMessage.of(OfType.FLOW_MOD, xid, FlowModCodec.encode(change));
            // a flow's text is made only for an error (see refusal), not for every flow of every bundle
            batch.add(OpenFlowConnection.Outgoing.settledByBarrier(
                    OfMessage.of(OfType.EXPERIMENTER, xid, BundleCodec.add(id, FLAGS, inner)),
                    "bundle " + id + " add " + xids.size()));
            xids.add(xid);
        }
        batch.add(OpenFlowConnection.Outgoing.request(OfMessage.of(OfType.BARRIER_REQUEST, connection.nextXid(),
                new byte[0]), "barrier"));
        List<CompletableFuture<List<OfMessage>>> sent = connection.sendAll(batch);
        CompletableFuture<Void> added = OpenFlowClient.allSettled(
                sent.subList(1, sent.size()).stream().map(f -> f.<Void>thenApply(m -> null)).toList());
        CompletableFuture<Boolean> ready = sent.get(0).handle((reply, err) -> {
                    if (err == null) {
                        return added.handle((ok, addError) -> addError == null
                                        ? CompletableFuture.completedFuture(true)
                                        : discard(id).thenCompose(v -> CompletableFuture.<Boolean>failedFuture(
                                                refusal(sent, changes, addError))))
                                .thenCompose(f -> f);
                    }
                    Throwable cause = OpenFlowClient.failure(CompletableFuture.failedFuture(err));
                    if (cause instanceof OpenFlowErrorException refused) {
                        LOG.log(System.Logger.Level.WARNING, "switch refused bundles ({0}); using plain flow mods",
                                refused.errorName());
                        // the adds were sent behind the open: once they are settled (refused: no bundle), the
                        // caller's plain flow mods go; should they have been taken, the bundle they opened goes
                        return added.handle((ok, addError) -> addError == null ? discard(id)
                                        : CompletableFuture.<Void>completedFuture(null))
                                .thenCompose(f -> f).thenApply(v -> false);
                    }
                    return CompletableFuture.<Boolean>failedFuture(cause);
                })
                .thenCompose(f -> f);
        return new Staged(id, changes, xids, ready);
    }

    /** A bundle in the switch up to its barrier, to be committed or discarded (exactly one of them, once). */
    final class Staged {
        private final long id;
        private final List<FlowChange> changes;
        private final List<Long> xids;
        private final CompletableFuture<Boolean> ready;

        private Staged(long id, List<FlowChange> changes, List<Long> xids, CompletableFuture<Boolean> ready) {
            this.id = id;
            this.changes = changes;
            this.xids = xids;
            this.ready = ready;
        }

        /**
         * True once the switch holds every change in the open bundle; false when it refused bundles (nothing is
         * staged); fails when a change was refused (the bundle is discarded already).
         */
        CompletableFuture<Boolean> ready() {
            return ready;
        }

        /** Puts the bundle in effect, atomically; only after {@link #ready} gave true. */
        CompletableFuture<Void> commit() {
            return BundleTransaction.this.commit(id, changes, xids);
        }

        /** Drops the bundle, whatever became of it; nothing of it takes effect. */
        CompletableFuture<Void> discard() {
            return ready.handle((open, err) -> Boolean.TRUE.equals(open) ? BundleTransaction.this.discard(id)
                    : CompletableFuture.<Void>completedFuture(null)).thenCompose(f -> f);
        }
    }

    private CompletableFuture<Void> commit(long id, List<FlowChange> changes, List<Long> xids) {
        return connection.request(OfType.EXPERIMENTER, BundleCodec.control(id, BundleCodec.COMMIT_REQUEST, FLAGS),
                "bundle " + id + " commit").handle((reply, err) -> {
                    if (err == null) {
                        int type = BundleCodec.replyControlType(reply.body());
                        if (type != BundleCodec.COMMIT_REPLY) {
                            throw new OpenFlowCodecException("bundle commit answered with control type " + type);
                        }
                        return (Void) null;
                    }
                    Throwable commitError = unwrap(err);
                    // OVS names the change that failed under its own xid before failing the commit.
                    for (int i = 0; i < xids.size(); i++) {
                        OpenFlowErrorException inner = connection.lateError(xids.get(i));
                        if (inner != null) {
                            OpenFlowErrorException described = inner.forRequest(changes.get(i).toString());
                            described.addSuppressed(commitError);
                            throw described;
                        }
                    }
                    throw commitError instanceof RuntimeException r ? r : new IllegalStateException(commitError);
                });
    }

    private CompletableFuture<Void> discard(long id) {
        return connection.request(OfType.EXPERIMENTER, BundleCodec.control(id, BundleCodec.DISCARD_REQUEST, FLAGS),
                        "bundle " + id + " discard")
                .handle((reply, err) -> {
                    if (err != null) {
                        LOG.log(System.Logger.Level.WARNING, "bundle {0} discard failed: {1}", id, err.getMessage());
                    }
                    return null;
                });
    }

    /** The first refused add, described by its flow change; else the failure as it came. */
    private static Throwable refusal(List<CompletableFuture<List<OfMessage>>> sent, List<FlowChange> changes,
                                     Throwable addError) {
        for (int i = 0; i < changes.size(); i++) {
            if (OpenFlowClient.failure(sent.get(i + 1)) instanceof OpenFlowErrorException refused) {
                return refused.forRequest(changes.get(i).toString());
            }
        }
        return unwrap(addError);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = OpenFlowClient.failure(CompletableFuture.failedFuture(t));
        return cause == null ? t : cause;
    }
}
