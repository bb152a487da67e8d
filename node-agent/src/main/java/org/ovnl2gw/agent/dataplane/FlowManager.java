package org.ovnl2gw.agent.dataplane;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.agent.openflow.FlowChange;
import org.ovnl2gw.agent.openflow.OpenFlowClient;
import org.ovnl2gw.agent.openflow.OpenFlowEndpoint;
import org.ovnl2gw.agent.openflow.TlvMapping;

/**
 * Keeps the flows carrying our cookie on the integration bridge equal to a desired set: connects (and
 * reconnects, e.g. after ovs-vswitchd restarts) to the bridge's management socket, installs the Geneve TLV
 * map before any flow uses it, and applies only the difference in one atomic bundle. Flows of other cookies
 * are never touched. Called from the agent's single reconcile thread.
 *
 * <p>What is installed is remembered from the last sync rather than dumped on every one: a change costs its
 * own flow mods and nothing more. The switch is still the truth, checked two ways: every {@link #CHECK_INTERVAL}
 * the switch counts our flows (OFPMP_AGGREGATE, a reply of 32 bytes however many flows there are), and a count
 * other than what the last sync installed makes the next sync dump and compare; every {@link #DUMP_INTERVAL},
 * and after every (re)connection, the flows are dumped and compared whatever the count. So a flow deleted or
 * added with our cookie behind our back is restored within seconds, one changed in place (same match, other
 * actions) within a minute, and an idle agent with 200 ports lists no 2,000 flows every few seconds. The agent's
 * tick runs the checks ({@link #checkDue}, {@link #check}).
 */
public final class FlowManager implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FlowManager.class.getName());
    private static final long TIMEOUT_SECONDS = 10;
    /** How often the switch's count of our flows is compared with what the last sync installed. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);
    /** How often the remembered flows are compared with a dump of the switch's, whatever the count. */
    public static final Duration DUMP_INTERVAL = Duration.ofSeconds(60);

    private final OpenFlowEndpoint endpoint;
    private OpenFlowClient client;
    private boolean tlvMapped;
    /** Our flows in the switch as of the last sync on this connection; null: unknown, dump first. */
    private Set<Flow> installed;
    private long lastDumpNanos;
    private long lastCheckNanos;

    public FlowManager(Path rundir, String bridge) {
        this.endpoint = OpenFlowEndpoint.unix(rundir.resolve(bridge + ".mgmt"));
    }

    /** What one sync did. */
    public record SyncResult(int added, int deleted, boolean tlvAdded) {
        public boolean changedSomething() {
            return added > 0 || deleted > 0 || tlvAdded;
        }
    }

    /**
     * Makes the installed flows of ours equal {@code desired}; fails when the switch cannot be reached. Flows
     * have no timeout: when this agent dies they stay, and the node keeps forwarding as it was told to (its
     * ovs-vswitchd keeps answering BFD, so no standby takes over beside it).
     */
    public SyncResult sync(Set<Flow> desired) throws FlowSyncException {
        return sync(desired, Set.of(), 0);
    }

    /**
     * As {@link #sync(Set)}, but the flows of {@code expiring} (a subset of {@code desired}) are added again on
     * every call with an OpenFlow hard timeout of {@code hardTimeoutSeconds}: a lease that this agent renews on
     * every pass and that ends by itself, in the switch, when the agent dies.
     */
    public SyncResult sync(Set<Flow> desired, Set<Flow> expiring, int hardTimeoutSeconds) throws FlowSyncException {
        return stage(desired, expiring, hardTimeoutSeconds).commit();
    }

    /**
     * As {@link #sync(Set, Set, int)} in two steps: the difference goes to the switch now as an open bundle,
     * checked but not in effect, and takes effect with {@link StagedSync#commit} (one round trip), or none of it
     * with {@link StagedSync#discard}. Nothing else may be asked of this manager in between. The agent stages a
     * pass's flows while its claims are on their way, and commits them once the claims are won.
     */
    public StagedSync stage(Set<Flow> desired, Set<Flow> expiring, int hardTimeoutSeconds) throws FlowSyncException {
        return programming(() -> {
            OpenFlowClient of = connected();
            boolean tlvAdded = ensureTlvMap(of);
            if (installed == null || dumpDue()) {
                installed = new HashSet<>(await(of.dumpFlows(OpenFlowClient.ALL_TABLES,
                        GatewayTables.COOKIE_OWNER, GatewayTables.COOKIE_OWNER_MASK)));
                lastDumpNanos = System.nanoTime();
                lastCheckNanos = lastDumpNanos;
            }
            List<FlowChange> changes = new ArrayList<>();
            int deleted = 0;
            for (Flow flow : installed) {
                if (!desired.contains(flow)) {
                    changes.add(FlowChange.delete(flow));
                    deleted++;
                }
            }
            int added = 0;
            for (Flow flow : desired) {
                if (expiring.contains(flow)) {
                    changes.add(FlowChange.addExpiring(flow, hardTimeoutSeconds));
                    if (!installed.contains(flow)) {
                        added++;
                    }
                } else if (!installed.contains(flow)) {
                    changes.add(FlowChange.add(flow));
                    added++;
                }
            }
            Set<Flow> before = installed;
            if (changes.isEmpty()) {
                return new StagedSync(null, desired, before, new SyncResult(0, 0, tlvAdded));
            }
            installed = null; // until the bundle is known to have committed, or to have been dropped
            OpenFlowClient.StagedChange change = of.stageAtomically(changes);
            if (added > 0 || deleted > 0) {
                // logged once the bundle is on its way, not before
                int a = added;
                int d = deleted;
                LOG.fine(() -> "staged: desired " + desired.size() + " flows, installed " + before.size() + " -> add "
                        + a + ", delete " + d);
            }
            return new StagedSync(change, desired, before, new SyncResult(added, deleted, tlvAdded));
        });
    }

    /** A difference staged in the switch by {@link #stage}: commit or discard it, once. */
    public final class StagedSync {
        private final OpenFlowClient.StagedChange change;
        private final Set<Flow> desired;
        private final Set<Flow> before;
        private final SyncResult result;

        private StagedSync(OpenFlowClient.StagedChange change, Set<Flow> desired, Set<Flow> before,
                           SyncResult result) {
            this.change = change;
            this.desired = desired;
            this.before = before;
            this.result = result;
        }

        /** Puts the difference in effect, atomically: the switch then has exactly the desired flows of ours. */
        public SyncResult commit() throws FlowSyncException {
            if (change != null) {
                programming(() -> await(change.commit()));
                // a lease renewal alone (every pass while a lease is held) changes no flow: not news
                LOG.log(result.added() > 0 || result.deleted() > 0 ? Level.INFO : Level.FINE, () -> "desired "
                        + desired.size() + " flows, installed " + before.size() + " -> add " + result.added()
                        + ", delete " + result.deleted());
            }
            installed = new HashSet<>(desired);
            return result;
        }

        /** Drops the difference: the switch keeps the flows it had (a failure here leaves them to the next dump). */
        public void discard() {
            if (change == null) {
                return;
            }
            try {
                programming(() -> await(change.discard()));
                installed = before;
            } catch (FlowSyncException e) {
                LOG.warning(() -> "could not drop staged flow changes: " + e.getMessage()
                        + "; the next sync compares with a dump");
            }
        }
    }

    /**
     * Connects to the switch and installs the Geneve TLV map if it lacks it: at start, before any port is known,
     * so that the first frames a hypervisor tunnels here decode.
     */
    public void prepare() throws FlowSyncException {
        programming(() -> ensureTlvMap(connected()));
    }

    /**
     * Stages {@code flows} as additions in a bundle and drops it: the switch checks them and none takes effect.
     * The flows of ours in the switch, and what this manager knows of them, are untouched; a switch that fails
     * here is not disconnected (the caller only rehearses). See {@code AgentModePass.rehearse}.
     */
    public void rehearse(Set<Flow> flows) throws FlowSyncException {
        if (!prepared()) {
            return;
        }
        List<FlowChange> changes = flows.stream().map(FlowChange::add).toList();
        try {
            await(client.stageAtomically(changes).discard());
        } catch (ExecutionException | TimeoutException e) {
            throw new FlowSyncException("rehearsal on " + endpoint + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowSyncException("interrupted rehearsing on " + endpoint, e);
        }
    }

    /** Work on the switch that needs a reply. */
    private interface SwitchWork<T> {
        T run() throws ExecutionException, TimeoutException, InterruptedException;
    }

    /** Runs {@code work}; a switch that fails or does not answer is disconnected (the next call reconnects). */
    private <T> T programming(SwitchWork<T> work) throws FlowSyncException {
        try {
            return work.run();
        } catch (ExecutionException | TimeoutException e) {
            disconnect();
            throw new FlowSyncException("cannot program " + endpoint + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowSyncException("interrupted programming " + endpoint, e);
        }
    }

    /** Whether the switch is connected and has the Geneve option map. */
    public boolean prepared() {
        return tlvMapped && client != null && client.connection().isOpen();
    }

    /** Whether a check of the switch is due ({@link #check}); always while nothing is known of it. */
    public boolean checkDue() {
        return installed == null || System.nanoTime() - lastCheckNanos >= CHECK_INTERVAL.toNanos();
    }

    /** Whether the next sync compares with a fresh dump (none yet on this connection, or the last is old). */
    public boolean dumpDue() {
        return installed == null || System.nanoTime() - lastDumpNanos >= DUMP_INTERVAL.toNanos();
    }

    /**
     * Whether a sync is needed to keep the switch equal to what the last one installed: when nothing is known of
     * the switch (not connected, or a sync failed), a dump is due, or the switch counts another number of our
     * flows than were installed (then the next sync dumps and restores). Costs one small request, no listing.
     */
    public boolean check() throws FlowSyncException {
        if (dumpDue()) {
            return true;
        }
        return programming(() -> {
            long counted = await(connected().countFlows(OpenFlowClient.ALL_TABLES, GatewayTables.COOKIE_OWNER,
                    GatewayTables.COOKIE_OWNER_MASK));
            lastCheckNanos = System.nanoTime();
            if (installed == null || counted != installed.size()) {
                long expected = installed == null ? -1 : installed.size();
                LOG.info(() -> "the switch counts " + counted + " flows of ours, " + (expected < 0
                        ? "reconnected" : expected + " were installed") + ": comparing with a dump");
                installed = null;
                return true;
            }
            return false;
        });
    }

    // once per connection to the switch, flows or not: a standby must decode the Geneve option of the first
    // frames the hypervisors send it after a takeover, and a restarted switch lost the map
    private boolean ensureTlvMap(OpenFlowClient of) throws ExecutionException, TimeoutException, InterruptedException {
        if (tlvMapped) {
            return false;
        }
        boolean added = false;
        if (!await(of.tlvTable()).contains(TlvMapping.OVN_GENEVE)) {
            await(of.addTlvMappings(List.of(TlvMapping.OVN_GENEVE)));
            added = true;
            LOG.info(() -> "installed Geneve TLV map on " + endpoint);
        }
        tlvMapped = true;
        return added;
    }

    /**
     * Whether the switch answers on the bridge's management socket (connecting if need be): false once
     * ovs-vswitchd is gone. Reads and writes nothing.
     */
    public boolean reachable() {
        try {
            connected();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            disconnect();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deletes every flow of ours (decommissioning). */
    public void deleteAll() throws FlowSyncException {
        try {
            installed = null;
            await(connected().deleteFlowsByCookie(OpenFlowClient.ALL_TABLES, GatewayTables.COOKIE_OWNER,
                    GatewayTables.COOKIE_OWNER_MASK));
        } catch (ExecutionException | TimeoutException e) {
            throw new FlowSyncException("cannot delete flows on " + endpoint + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowSyncException("interrupted", e);
        }
    }

    private OpenFlowClient connected() throws ExecutionException, TimeoutException, InterruptedException {
        if (client == null || !client.connection().isOpen()) {
            disconnect();
            client = await(OpenFlowClient.connect(endpoint));
            tlvMapped = false;
            installed = null;
            LOG.info(() -> "connected to " + endpoint);
        }
        return client;
    }

    private void disconnect() {
        installed = null;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static <T> T await(CompletableFuture<T> future)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public void close() {
        disconnect();
    }

    /** The switch could not be reached or refused the change; the next sync tries again. */
    public static final class FlowSyncException extends Exception {
        FlowSyncException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
