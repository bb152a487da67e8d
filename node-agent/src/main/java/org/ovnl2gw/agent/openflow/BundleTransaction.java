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
     *
     * <p>The open, the adds and the barrier go in one write, without waiting for the open's reply: the switch
     * handles a connection's messages in order, so the adds find the bundle open, and the whole change costs two
     * round trips (barrier, commit) instead of three. When ovs-vswitchd is busy (adding the ports the same pass
     * created) each round trip waits for a turn of its main loop.
     */
    CompletableFuture<Boolean> apply(List<FlowChange> changes) {
        long id = bundleIds.incrementAndGet() & 0xffffffffL;
        List<OpenFlowConnection.Outgoing> batch = new ArrayList<>(changes.size() + 2);
        batch.add(OpenFlowConnection.Outgoing.request(OfMessage.of(OfType.EXPERIMENTER, connection.nextXid(),
                BundleCodec.control(id, BundleCodec.OPEN_REQUEST, FLAGS)), "bundle " + id + " open"));
        List<Long> xids = new ArrayList<>(changes.size());
        for (FlowChange change : changes) {
            long xid = connection.nextXid();
            OfMessage inner = OfMessage.of(OfType.FLOW_MOD, xid, FlowModCodec.encode(change));
            xids.add(xid);
            // a flow's text is made only for an error (see refusal), not for every flow of every bundle
            batch.add(OpenFlowConnection.Outgoing.settledByBarrier(
                    OfMessage.of(OfType.EXPERIMENTER, xid, BundleCodec.add(id, FLAGS, inner)),
                    "bundle " + id + " add " + xids.size()));
        }
        batch.add(OpenFlowConnection.Outgoing.request(OfMessage.of(OfType.BARRIER_REQUEST, connection.nextXid(),
                new byte[0]), "barrier"));
        List<CompletableFuture<List<OfMessage>>> sent = connection.sendAll(batch);
        CompletableFuture<Void> added = OpenFlowClient.allSettled(
                sent.subList(1, sent.size()).stream().map(f -> f.<Void>thenApply(m -> null)).toList());
        return sent.get(0).handle((reply, err) -> {
                    if (err == null) {
                        return added.handle((ok, addError) -> addError == null ? commit(id, changes, xids)
                                        : discard(id).thenCompose(v -> CompletableFuture.<Void>failedFuture(
                                                refusal(sent, changes, addError))))
                                .thenCompose(f -> f).thenApply(v -> true);
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
