package org.ovnl2gw.operator.l2gateway;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;
import org.ovnl2gw.operator.ovn.NorthboundClient;

/**
 * The L2Gateway controller: load, decide and apply ({@link GatewayProgrammer}), compute status
 * ({@link L2GatewayStatusCalculator}), announce transitions ({@link GatewayAnnouncer}). Deletion goes through the
 * JOSDK finalizer ({@link Cleaner}) and removes only our port. Register it with {@link #registerWith}.
 */
@ControllerConfiguration(name = L2GatewayReconciler.NAME)
public final class L2GatewayReconciler implements Reconciler<L2Gateway>, Cleaner<L2Gateway>, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(L2GatewayReconciler.class.getName());
    public static final String NAME = "l2gateway";

    private final NorthboundClient nb;
    private final L2GatewayTrigger trigger;
    private final InformedNodeLabels nodeLabels;
    private final ChassisHealthMonitor healthMonitor;
    private final GatewayProgrammer programmer;
    private final StatusWriter statusWriter;
    private final GatewayAnnouncer announcer;
    private final Clock clock;
    private final L2GatewaySettings settings;
    private final Map<String, L2GatewaySpec> lastSpecs = new ConcurrentHashMap<>();

    /**
     * @param trigger      the OVN change listener and event source (already listening to the NB/SB clients)
     * @param nodeLabels   the Node informer, started with the controller
     * @param healthMonitor the chassis heartbeat watcher, started with the controller
     */
    public L2GatewayReconciler(NorthboundClient nb, L2GatewayTrigger trigger, InformedNodeLabels nodeLabels,
                               ChassisHealthMonitor healthMonitor, GatewayProgrammer programmer,
                               StatusWriter statusWriter, GatewayAnnouncer announcer, Clock clock,
                               L2GatewaySettings settings) {
        this.nb = nb;
        this.trigger = trigger;
        this.nodeLabels = nodeLabels;
        this.healthMonitor = healthMonitor;
        this.programmer = programmer;
        this.statusWriter = statusWriter;
        this.announcer = announcer;
        this.clock = clock;
        this.settings = settings;
    }

    /** Registers the controller the way Main and the tests both do (finalizer, unlimited retry for OVN outages). */
    public static RegisteredController<L2Gateway> registerWith(Operator operator, L2GatewayReconciler reconciler) {
        return operator.register(reconciler, o -> o.withRetry(new GenericRetry().setInitialInterval(1000)
                .setIntervalMultiplier(1.5).setMaxInterval(30_000).withoutMaxAttempts()));
    }

    @Override
    public List<EventSource<?, L2Gateway>> prepareEventSources(EventSourceContext<L2Gateway> context) {
        trigger.bind(context.getPrimaryCache());
        nodeLabels.start();
        healthMonitor.start();
        return List.of(trigger.eventSource());
    }

    @Override
    public UpdateControl<L2Gateway> reconcile(L2Gateway gateway, Context<L2Gateway> context) {
        LOG.fine(() -> "reconciling " + gateway.getMetadata().getName() + " at version "
                + gateway.getMetadata().getResourceVersion());
        GatewayOutcome outcome = programmer.program(gateway,
                SpecConflicts.sameNetworkVlan(context.getPrimaryCache(), gateway.getSpec()));
        L2GatewayStatus old = statusWriter.lastWritten(gateway);
        L2GatewayStatus next = L2GatewayStatusCalculator.compute(old, generation(gateway), outcome, clock.instant());
        announcer.announce(gateway, old, next, outcome);
        recheckPeersIfSpecChanged(gateway);
        boolean ready = Conditions.isTrue(next.conditions(), ConditionTypes.READY);
        if (!next.equals(old)) {
            statusWriter.write(gateway, next);
        }
        Duration resync = ready ? settings.readyResync() : settings.pendingResync();
        // a wait that becomes overdue gets its Warning then, not at the next safety-net resync
        Duration recheckIn = announcer.untilOverdue(gateway.getMetadata().getName()).map(d -> d.plusMillis(100))
                .filter(d -> d.compareTo(resync) < 0).orElse(resync);
        return UpdateControl.<L2Gateway>noUpdate().rescheduleAfter(recheckIn);
    }

    @Override
    public DeleteControl cleanup(L2Gateway gateway, Context<L2Gateway> context) {
        String name = gateway.getMetadata().getName();
        nb.deleteGatewayPort(name);
        statusWriter.forget(name);
        announcer.forget(name);
        programmer.forget(name);
        L2GatewaySpec last = lastSpecs.remove(name);
        trigger.overlapping(Arrays.asList(gateway.getSpec(), last), g -> !g.getMetadata().getName().equals(name)
                && (SpecConflicts.overlap(g.getSpec(), gateway.getSpec()) || SpecConflicts.overlap(g.getSpec(), last)));
        return DeleteControl.defaultDelete();
    }

    @Override
    public ErrorStatusUpdateControl<L2Gateway> updateErrorStatus(L2Gateway gateway, Context<L2Gateway> context,
                                                                 Exception e) {
        LOG.warning(() -> "L2Gateway " + gateway.getMetadata().getName() + ": reconcile failed, will retry: " + e.getMessage());
        L2GatewayStatus old = statusWriter.lastWritten(gateway);
        if (isOvnUnavailable(e)) {
            // the gateways keep forwarding without us (and take over without us): an operator that cannot see
            // OVN says so in its log and readiness, and leaves the last status it knew to be true
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        L2GatewayStatus next = L2GatewayStatusCalculator.reconcileFailed(old, generation(gateway),
                String.valueOf(e.getMessage()), clock.instant());
        if (!next.equals(old)) {
            try {
                statusWriter.write(gateway, next);
            } catch (RuntimeException writeFailed) {
                LOG.warning(() -> "L2Gateway " + gateway.getMetadata().getName() + ": could not write status: "
                        + writeFailed.getMessage());
            }
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    private static boolean isOvnUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.ovnl2gw.operator.ovn.OvnUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** When a spec changes (or is first seen), gateways it competed or now competes with are re-checked. */
    private void recheckPeersIfSpecChanged(L2Gateway gateway) {
        String name = gateway.getMetadata().getName();
        L2GatewaySpec spec = gateway.getSpec();
        L2GatewaySpec previous = spec == null ? lastSpecs.remove(name) : lastSpecs.put(name, spec);
        if (!Objects.equals(previous, spec)) {
            trigger.overlapping(Arrays.asList(spec, previous), g -> !g.getMetadata().getName().equals(name)
                    && (SpecConflicts.overlap(g.getSpec(), spec) || SpecConflicts.overlap(g.getSpec(), previous)));
        }
    }

    private static long generation(L2Gateway gateway) {
        Long g = gateway.getMetadata().getGeneration();
        return g == null ? 0 : g;
    }

    @Override
    public void close() {
        healthMonitor.close();
        nodeLabels.close();
    }
}
