package org.ovnl2gw.agent.dataplane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.agent.openflow.FlowChange;
import org.ovnl2gw.agent.openflow.OpenFlowClient;
import org.ovnl2gw.agent.openflow.OpenFlowEndpoint;
import org.ovnl2gw.agent.openflow.TlvMapping;

/**
 * Keeps the flows carrying our cookie on the integration bridge equal to a desired set: connects (and
 * reconnects, e.g. after ovs-vswitchd restarts) to the bridge's management socket, installs the Geneve TLV
 * map before any flow uses it, dumps what is installed, and applies only the difference in one atomic
 * bundle. Flows of other cookies are never touched. Called from the agent's single reconcile thread.
 */
public final class FlowManager implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FlowManager.class.getName());
    private static final long TIMEOUT_SECONDS = 10;

    private final OpenFlowEndpoint endpoint;
    private OpenFlowClient client;
    private boolean tlvMapped;

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
        try {
            OpenFlowClient of = connected();
            boolean tlvAdded = false;
            if (!tlvMapped) {
                // once per connection to the switch, flows or not: a standby must decode the Geneve option of
                // the first frames the hypervisors send it after a takeover, and a restarted switch lost the map
                if (!await(of.tlvTable()).contains(TlvMapping.OVN_GENEVE)) {
                    await(of.addTlvMappings(List.of(TlvMapping.OVN_GENEVE)));
                    tlvAdded = true;
                    LOG.info(() -> "installed Geneve TLV map on " + endpoint);
                }
                tlvMapped = true;
            }
            Set<Flow> installed = new HashSet<>(await(of.dumpFlows(OpenFlowClient.ALL_TABLES,
                    GatewayTables.COOKIE_OWNER, GatewayTables.COOKIE_OWNER_MASK)));
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
            if (added > 0 || deleted > 0) {
                int a = added;
                int d = deleted;
                LOG.info(() -> "desired " + desired.size() + " flows, installed " + installed.size() + " -> add " + a
                        + ", delete " + d);
            }
            if (!changes.isEmpty()) {
                await(of.applyAtomically(changes));
            }
            return new SyncResult(added, deleted, tlvAdded);
        } catch (ExecutionException | TimeoutException e) {
            disconnect();
            throw new FlowSyncException("cannot program " + endpoint + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowSyncException("interrupted programming " + endpoint, e);
        }
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
            LOG.info(() -> "connected to " + endpoint);
        }
        return client;
    }

    private void disconnect() {
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
