package org.ovnl2gw.operator.ops;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<Runnable> leadingStarted = new CopyOnWriteArrayList<>();

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

    /**
     * Runs {@code task} when this replica starts leading (at once if it already does): work that must happen on
     * the leader only, such as collecting orphaned ports, starts here.
     */
    public void whenLeading(Runnable task) {
        leadingStarted.add(task);
        // whoever removes the task runs it, so a Lease won meanwhile cannot run it twice
        if (leading && leadingStarted.remove(task)) {
            task.run();
        }
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
        leader = identity;
        startedLeading();
    }

    private void startedLeading() {
        leading = true;
        LOG.info(() -> "decided: " + identity + " leads, starting to reconcile");
        for (Runnable task : leadingStarted) {
            if (leadingStarted.remove(task)) {
                task.run();
            }
        }
    }

    private void stoppedLeading() {
        leading = false;
        if (stopping) {
            LOG.info(() -> "decided: " + identity + " stopped leading on shutdown");
            return;
        }
        LOG.warning(() -> "decided: " + identity + " lost the Lease, stopping so that it restarts as a standby");
        onLostLeadership.run();
    }

    /** Called with null when the holder released the Lease; must not throw, or the elector's loop dies. */
    private void newLeader(String identity) {
        leader = identity;
        if (identity == null || identity.isEmpty()) {
            LOG.info("the Lease was released; no leader until a replica takes it");
            return;
        }
        LOG.info(() -> "leader is now " + identity + (identity.equals(this.identity) ? " (this replica)" : ""));
    }
}
