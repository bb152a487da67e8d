package org.ovnl2gw.operator.l2gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;
import org.ovnl2gw.operator.events.EventRecorder;
import org.ovnl2gw.operator.events.ProgressDeadline;

/**
 * Says what changed: a Kubernetes Event when Ready changes (status or reason), when a gateway node is first
 * chosen, and when the port moves to another node (a Warning counted as a failover, or Normal for a handover the
 * operator's new choice asked for); and the per-state gauge.
 *
 * <p>An Event's type says whether somebody should look:
 * <ul>
 *   <li>Ready True: Normal, unless degraded ({@code AgentNotReporting}: the switch forwards, but the node agent
 *       needs a restart), a Warning;</li>
 *   <li>Ready False: Warning, except for the steps every new or moved gateway goes through while OVN catches up
 *       ({@link #PROGRESS}: ovn-northd making the Port_Binding, the node agent claiming it), which are Normal;</li>
 *   <li>a wait in those steps that lasts the progress deadline: one Warning of its own.</li>
 * </ul>
 * So alerting on Warning Events sees a gateway stuck on its way to Ready, and not every gateway created.
 */
public final class GatewayAnnouncer {
    /** Ready reasons of a gateway on its way to Ready, not of a problem (until they last too long). */
    static final Set<String> PROGRESS = Set.of("WaitingForPortBinding", "WaitingForClaim");

    private final EventRecorder recorder;
    private final L2GatewayMetrics metrics;
    private final GatewayStateGauge gauge;
    /** Gateways waiting in {@link #PROGRESS} reasons (the wait spans them). */
    private final ProgressDeadline waits;

    public GatewayAnnouncer(EventRecorder recorder, L2GatewayMetrics metrics, Clock clock, Duration progressDeadline) {
        this.recorder = recorder;
        this.metrics = metrics;
        this.gauge = new GatewayStateGauge(metrics);
        this.waits = new ProgressDeadline(clock, progressDeadline);
    }

    void announce(L2Gateway gateway, L2GatewayStatus old, L2GatewayStatus next, GatewayOutcome outcome) {
        Optional<Condition> before = Conditions.find(old.conditions(), ConditionTypes.READY);
        Condition after = Conditions.find(next.conditions(), ConditionTypes.READY).orElseThrow();
        if (outcome.failover().isPresent()) {
            GatewayOutcome.Failover f = outcome.failover().get();
            // a failover is news to look at; a handover the operator's own new choice asked for is not
            recorder.record(gateway, f.handover() ? EventRecorder.NORMAL : EventRecorder.WARNING, "GatewayMoved",
                    "moved from node " + f.fromNode() + " to " + f.toNode() + ": " + f.why());
            if (!f.handover()) {
                metrics.failover(gateway.getMetadata().getName(), f.fromNode(), f.toNode());
            }
        } else if (next.gatewayNode() != null && !Objects.equals(old.gatewayNode(), next.gatewayNode())) {
            recorder.record(gateway, EventRecorder.NORMAL, "GatewayNodeChosen", "gateway node " + next.gatewayNode());
        }
        boolean changed = before.map(b -> !b.status().equals(after.status()) || !b.reason().equals(after.reason()))
                .orElse(true);
        boolean progressing = !after.isTrue() && PROGRESS.contains(after.reason());
        boolean fine = after.isTrue() && !after.reason().equals(L2GatewayStatusCalculator.AGENT_NOT_REPORTING);
        if (changed) {
            recorder.recordLatestState(gateway, fine || progressing ? EventRecorder.NORMAL : EventRecorder.WARNING,
                    after.reason(), after.message());
        }
        String name = gateway.getMetadata().getName();
        if (progressing) {
            waits.overdue(name).ifPresent(waited -> recorder.record(gateway, EventRecorder.WARNING, after.reason(),
                    ProgressDeadline.overdueMessage(waited, after.message())));
        } else {
            waits.done(name);
        }
        gauge.update(name, next);
    }

    /**
     * How long until a gateway waiting in a {@link #PROGRESS} reason is overdue, for the reconciler to look again
     * then; empty when it is not waiting or was warned already.
     */
    Optional<Duration> untilOverdue(String name) {
        return waits.untilOverdue(name);
    }

    void forget(String name) {
        waits.done(name);
        gauge.forget(name);
    }
}
