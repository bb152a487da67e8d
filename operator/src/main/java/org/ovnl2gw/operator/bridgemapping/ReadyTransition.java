package org.ovnl2gw.operator.bridgemapping;

import java.util.Optional;
import org.ovnl2gw.api.v1alpha1.BridgeMappingStatus;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.operator.events.EventRecorder;

/**
 * A change of a BridgeMapping's Ready condition worth a Kubernetes Event: its status changed, or its reason
 * changed while not ready (a node going from UplinkMissing to AgentNotReporting is news; a recount is not).
 *
 * @param type {@code Normal} when it became ready or is on its way (its agents have not reported it yet: until the
 *             progress deadline, see {@link BridgeMappingReconciler}), else {@code Warning}
 */
public record ReadyTransition(String type, String reason, String message) {

    /** The event to record for going from {@code before} to {@code after}, if any. */
    public static Optional<ReadyTransition> between(BridgeMappingStatus before, BridgeMappingStatus after) {
        Optional<Condition> was = Conditions.find(before.conditions(), ConditionTypes.READY);
        Optional<Condition> now = Conditions.find(after.conditions(), ConditionTypes.READY);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Condition ready = now.get();
        boolean changed = was.isEmpty() || !was.get().status().equals(ready.status())
                || (!ready.isTrue() && !was.get().reason().equals(ready.reason()));
        if (!changed) {
            return Optional.empty();
        }
        boolean fine = ready.isTrue() || isProgress(ready);
        return Optional.of(new ReadyTransition(fine ? EventRecorder.NORMAL : EventRecorder.WARNING, ready.reason(),
                ready.message()));
    }

    /** Whether Ready says the mapping is on its way, not that something is wrong (until it lasts too long). */
    static boolean isProgress(Condition ready) {
        return !ready.isTrue() && ready.reason().equals(BridgeMappingStatusCalculator.REASON_WAITING_FOR_AGENTS);
    }
}
