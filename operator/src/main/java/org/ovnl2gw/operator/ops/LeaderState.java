package org.ovnl2gw.operator.ops;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What this replica knows about the leader election: whether it leads, and who does. Fed by the Lease's
 * callbacks; read by the metrics ({@code l2gw_operator_leader}) and the logs.
 *
 * <p>Losing the Lease while running is handled by {@code onLostLeadership}: in the real process it exits, so
 * the replica restarts as a clean standby rather than keep caches and queues built as leader. A deliberate
 * shutdown (after {@link #stopping()}) is not a loss.
 */
public final class LeaderState {
    private static final Logger LOG = Logger.getLogger(LeaderState.class.getName());

    private final String identity;
    private final Runnable onLostLeadership;
    private volatile boolean leading;
    private volatile boolean stopping;
    private volatile String leader;

    public LeaderState(String identity, Runnable onLostLeadership) {
        this.identity = identity;
        this.onLostLeadership = onLostLeadership;
    }

    public String identity() {
        return identity;
    }

    public boolean leading() {
        return leading;
    }

    /** The identity of the current leader as last seen in the Lease, if any. */
    public Optional<String> leader() {
        return Optional.ofNullable(leader);
    }

    /** Marks a deliberate shutdown: releasing the Lease from now on is expected. */
    public void stopping() {
        stopping = true;
    }

    /** Callbacks to hand to the leader elector. */
    public LeaderCallbacks callbacks() {
        return new LeaderCallbacks(this::startedLeading, this::stoppedLeading, this::newLeader);
    }

    /** Marks this replica as leading without a Lease (leader election turned off). */
    public void leadWithoutElection() {
        leading = true;
        leader = identity;
    }

    private void startedLeading() {
        leading = true;
        LOG.info(() -> "decided: " + identity + " holds the Lease, starting to reconcile");
    }

    private void stoppedLeading() {
        leading = false;
        if (stopping) {
            LOG.info(() -> "decided: " + identity + " released the Lease on shutdown");
            return;
        }
        LOG.warning(() -> "decided: " + identity + " lost the Lease, stopping so that it restarts as a standby");
        onLostLeadership.run();
    }

    private void newLeader(String identity) {
        leader = identity;
        LOG.info(() -> "leader is now " + identity + (identity.equals(this.identity) ? " (this replica)" : ""));
    }
}
