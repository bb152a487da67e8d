package org.ovnl2gw.agent.openflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The narrow API the agent programs a bridge through: flow changes (plain or atomic), flow and
 * port dumps, the Geneve TLV map, injected frames (packet out). Every method is asynchronous;
 * failures arrive as {@link OpenFlowErrorException} (the switch refused) or
 * {@link OpenFlowDisconnectedException}.
 */
public final class OpenFlowClient implements AutoCloseable {
    /** All tables, for dumps and cookie deletes. */
    public static final int ALL_TABLES = 0xff;

    /** How {@link #applyAtomically} got the changes in. */
    public enum UpdateMode {
        /** One ONF bundle, committed atomic and ordered. */
        BUNDLE,
        /** The switch refused bundles: plain flow mods followed by a barrier. */
        PLAIN_FLOW_MODS
    }

    private final OpenFlowConnection connection;
    private final BundleTransaction bundles;

    public OpenFlowClient(OpenFlowConnection connection) {
        this.connection = connection;
        this.bundles = new BundleTransaction(connection);
    }

    public static CompletableFuture<OpenFlowClient> connect(OpenFlowEndpoint endpoint) {
        return OpenFlowConnection.connect(endpoint).thenApply(OpenFlowClient::new);
    }

    public OpenFlowConnection connection() {
        return connection;
    }

    public CompletableFuture<Void> addFlows(Collection<Flow> flows) {
        return apply(flows.stream().map(FlowChange::add).toList());
    }

    /** Strict delete by table, priority and match. */
    public CompletableFuture<Void> deleteFlows(Collection<Flow> flows) {
        return apply(flows.stream().map(FlowChange::delete).toList());
    }

    /** Deletes every flow whose cookie matches {@code cookie} under {@code mask}. */
    public CompletableFuture<Void> deleteFlowsByCookie(int table, long cookie, long mask) {
        return apply(List.of(new FlowChange.DeleteByCookie(table, cookie, mask)));
    }

    /**
     * Plain flow mods then a barrier; not atomic. Completes when all are in, or fails with the
     * first refusal (the others that failed are attached as suppressed exceptions).
     */
    public CompletableFuture<Void> apply(List<FlowChange> changes) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(changes.size() + 1);
        for (FlowChange c : changes) {
            OfMessage mod = OfMessage.of(OfType.FLOW_MOD, connection.nextXid(), FlowModCodec.encode(c));
            sent.add(connection.sendSettledByBarrier(mod, c.toString()));
        }
        sent.add(connection.barrier());
        return allSettled(sent);
    }

    /**
     * Applies all changes or none: an ONF bundle opened atomic+ordered, the flow mods added, a
     * barrier to learn whether each add was accepted, then commit (or discard on a refused add).
     * Falls back to {@link #apply} if the switch refuses to open a bundle.
     */
    public CompletableFuture<UpdateMode> applyAtomically(List<FlowChange> changes) {
        return stageAtomically(changes).commit();
    }

    /**
     * As {@link #applyAtomically}, in two steps: the changes go to the switch now, in an open bundle, checked
     * but not in effect; {@link StagedChange#commit} puts them in effect (one round trip), or
     * {@link StagedChange#discard} drops them. A caller may so send the changes while it still waits to learn
     * whether it may make them.
     */
    public StagedChange stageAtomically(List<FlowChange> changes) {
        return new StagedChange(changes, changes.isEmpty() ? null : bundles.stage(changes));
    }

    /** Changes staged by {@link #stageAtomically}: commit or discard them, once. */
    public final class StagedChange {
        private final List<FlowChange> changes;
        private final BundleTransaction.Staged bundle;

        private StagedChange(List<FlowChange> changes, BundleTransaction.Staged bundle) {
            this.changes = changes;
            this.bundle = bundle;
        }

        /** Completes once the changes are in effect; fails (nothing applied, if a bundle) if one was refused. */
        public CompletableFuture<UpdateMode> commit() {
            if (bundle == null) {
                return CompletableFuture.completedFuture(UpdateMode.BUNDLE);
            }
            return bundle.ready().thenCompose(open -> open
                    ? bundle.commit().thenApply(v -> UpdateMode.BUNDLE)
                    : apply(changes).thenApply(v -> UpdateMode.PLAIN_FLOW_MODS));
        }

        /** Completes once the switch has dropped the staged changes; none of them took effect. */
        public CompletableFuture<Void> discard() {
            return bundle == null ? CompletableFuture.completedFuture(null) : bundle.discard();
        }
    }

    /**
     * Injects one frame (OFPT_PACKET_OUT from the controller port, no switch buffer) and completes once
     * the switch has processed it: a barrier follows, so a refusal (e.g. {@code OFPBAC_BAD_OUT_PORT})
     * fails the future with {@link OpenFlowErrorException}. Success means the switch accepted and ran the
     * actions, not that a frame left a port (an output to a port that is down is accepted and dropped).
     */
    public CompletableFuture<Void> packetOut(byte[] frame, List<Action> actions) {
        return packetOuts(List.of(PacketOut.of(frame, actions)));
    }

    /**
     * Injects several frames in order followed by one barrier; fails with the first refusal (others
     * suppressed), though the frames the switch accepted were still sent.
     */
    public CompletableFuture<Void> packetOuts(List<PacketOut> packets) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(packets.size() + 1);
        for (PacketOut p : packets) {
            OfMessage out = OfMessage.of(OfType.PACKET_OUT, connection.nextXid(), PacketOutCodec.encode(p));
            sent.add(connection.sendSettledByBarrier(out, p.toString()));
        }
        sent.add(connection.barrier());
        return allSettled(sent);
    }

    public CompletableFuture<List<Flow>> dumpFlows() {
        return dumpFlows(ALL_TABLES, 0, 0);
    }

    /** Flows in {@code table} (or {@link #ALL_TABLES}) whose cookie matches under the mask. */
    public CompletableFuture<List<Flow>> dumpFlows(int table, long cookie, long cookieMask) {
        return connection.multipart(FlowStatsCodec.request(table, cookie, cookieMask), "flow stats")
                .thenApply(parts -> parts.stream().flatMap(p -> FlowStatsCodec.decodeReply(p.body()).stream()).toList());
    }

    /**
     * How many flows in {@code table} (or {@link #ALL_TABLES}) have a cookie matching under the mask
     * (OFPMP_AGGREGATE): the switch counts, nothing is listed.
     */
    public CompletableFuture<Long> countFlows(int table, long cookie, long cookieMask) {
        return connection.multipart(FlowStatsCodec.aggregateRequest(table, cookie, cookieMask), "aggregate stats")
                .thenApply(parts -> parts.stream().mapToLong(p -> FlowStatsCodec.decodeAggregateFlowCount(p.body()))
                        .sum());
    }

    public CompletableFuture<List<PortDescription>> portDescriptions() {
        return connection.multipart(PortDescCodec.request(), "port description")
                .thenApply(parts -> parts.stream().flatMap(p -> PortDescCodec.decodeReply(p.body()).stream()).toList());
    }

    /** The switch's TLV table (NXT_TLV_TABLE_REQUEST), to skip adding a map that is already there. */
    public CompletableFuture<TlvTable> tlvTable() {
        return connection.request(OfType.EXPERIMENTER, NiciraCodec.tlvTableRequest(), "TLV table request")
                .thenApply(reply -> NiciraCodec.decodeTlvTableReply(reply.body()));
    }

    /** NXT_TLV_TABLE_MOD add; a conflicting existing map fails with NXTTMFC_ALREADY_MAPPED/DUP_ENTRY. */
    public CompletableFuture<Void> addTlvMappings(List<TlvMapping> mappings) {
        return tlvTableMod(NiciraCodec.NXTTMC_ADD, mappings, "TLV map add " + mappings);
    }

    private CompletableFuture<Void> tlvTableMod(int command, List<TlvMapping> mappings, String description) {
        OfMessage mod = OfMessage.of(OfType.EXPERIMENTER, connection.nextXid(),
                NiciraCodec.tlvTableMod(command, mappings));
        return allSettled(List.of(connection.sendSettledByBarrier(mod, description), connection.barrier()));
    }

    /** Waits for all, then fails with the first failure (others suppressed) or succeeds. */
    static CompletableFuture<Void> allSettled(List<CompletableFuture<Void>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((v, ignored) -> {
            Throwable first = null;
            for (CompletableFuture<Void> f : futures) {
                Throwable t = failure(f);
                if (t != null && first == null) {
                    first = t;
                } else if (t != null && first != t) {
                    first.addSuppressed(t);
                }
            }
            if (first != null) {
                throw first instanceof RuntimeException r ? r : new IllegalStateException(first);
            }
            return null;
        });
    }

    static Throwable failure(CompletableFuture<?> f) {
        if (!f.isCompletedExceptionally()) {
            return null;
        }
        try {
            f.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
