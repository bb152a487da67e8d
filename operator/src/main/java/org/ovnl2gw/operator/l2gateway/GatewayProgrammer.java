package org.ovnl2gw.operator.l2gateway;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;
import org.ovnl2gw.api.v1alpha1.SpecProblem;
import org.ovnl2gw.kube.UnreadableResources;
import org.ovnl2gw.operator.ovn.ChassisInfo;
import org.ovnl2gw.operator.ovn.DesiredGatewayPort;
import org.ovnl2gw.operator.ovn.GatewayPort;
import org.ovnl2gw.operator.ovn.NorthboundClient;
import org.ovnl2gw.operator.ovn.OvnUnavailableException;
import org.ovnl2gw.operator.ovn.OwnershipMark;
import org.ovnl2gw.operator.ovn.PortBindingState;
import org.ovnl2gw.operator.ovn.PortNameTakenException;
import org.ovnl2gw.operator.ovn.SouthboundClient;

/**
 * Decides and applies one L2Gateway: validation, conflicts and the switch's existence first (nothing is written
 * for a refused spec), then the choice of the active chassis and its standbys, written to the Northbound port
 * ({@code options:l2gateway-chassis} and {@code options:ovn-l2gw-candidates}). The gateways claim the Southbound
 * binding themselves, by those options and BFD; this class only reads it, and names the chassis bound there
 * active, so a takeover is reflected rather than fought. Returns what it found for the status; throws {@link OvnUnavailableException} when OVN cannot be
 * read or written now.
 */
public final class GatewayProgrammer {
    static final String INVALID_SPEC = "InvalidSpec";
    static final String SWITCH_NOT_FOUND = "LogicalSwitchNotFound";
    static final String SWITCH_AMBIGUOUS = "LogicalSwitchAmbiguous";
    static final String PORT_NAME_TAKEN = "PortNameTaken";
    static final String BINDING_CONTESTED = "BindingContested";

    private final NorthboundClient nb;
    private final SouthboundClient sb;
    private final GatewayChooser chooser;
    private final ChassisHealth health;
    private final ChassisIdentityCheck identity;
    private final UnreadableResources unreadable;
    /** The last move per gateway, kept in the Bound message while the port stays where it moved to. */
    private final java.util.Map<String, GatewayOutcome.Failover> lastMoves = new java.util.concurrent.ConcurrentHashMap<>();
    /** The chassis each gateway's binding was last seen on, to tell a move. */
    private final java.util.Map<String, String> lastBound = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Per gateway whose candidates this operator changed, the chassis it took off them, while the binding may still
     * be on one of them: that chassis is letting the port go (a handover while it is healthy, a failover when it is
     * not), not contesting it.
     */
    private final java.util.Map<String, java.util.Set<String>> leftCandidates =
            new java.util.concurrent.ConcurrentHashMap<>();

    public GatewayProgrammer(NorthboundClient nb, SouthboundClient sb, GatewayChooser chooser, ChassisHealth health,
                      ChassisIdentityCheck identity, UnreadableResources unreadable) {
        this.nb = nb;
        this.unreadable = unreadable;
        this.sb = sb;
        this.chooser = chooser;
        this.health = health;
        this.identity = identity;
    }

    /** @param competitors the gateways on the spec's network and VLAN ({@link SpecConflicts#sameNetworkVlan}; more do no harm) */
    GatewayOutcome program(L2Gateway gateway, Collection<L2Gateway> competitors) {
        String name = gateway.getMetadata().getName();
        L2GatewaySpec spec = gateway.getSpec();
        // read without its spec: the object did not fit the model (no schema where it was stored, or skew)
        List<SpecProblem> problems = unreadable.problem(gateway).map(List::of)
                .orElseGet(() -> spec == null ? List.of(new SpecProblem("spec", "is required")) : spec.validate());
        if (!problems.isEmpty()) {
            return GatewayOutcome.rejected(INVALID_SPEC, problems.stream().map(SpecProblem::toString)
                    .collect(Collectors.joining("; ")));
        }
        Optional<SpecConflicts.Conflict> conflict = SpecConflicts.find(gateway, competitors);
        if (conflict.isPresent()) {
            return GatewayOutcome.rejected(conflict.get().reason(), conflict.get().message());
        }
        if (!nb.isConnected() || !sb.isConnected()) {
            throw new OvnUnavailableException("not connected to the " + (nb.isConnected() ? "Southbound" : "Northbound") + " DB");
        }
        int switches = nb.logicalSwitchCount(spec.logicalSwitch());
        if (switches == 0) {
            return GatewayOutcome.rejected(SWITCH_NOT_FOUND, "no Logical_Switch named " + spec.logicalSwitch()
                    + " in the Northbound DB");
        }
        if (switches > 1) {
            return GatewayOutcome.rejected(SWITCH_AMBIGUOUS, switches + " Logical_Switch rows are named "
                    + spec.logicalSwitch() + "; rename all but one");
        }
        String portName = OwnershipMark.portName(name);
        Optional<GatewayPort> current = nb.gatewayPort(portName);
        if (current.isPresent() && !current.get().ownedBy(name)) {
            return GatewayOutcome.rejected(PORT_NAME_TAKEN, new PortNameTakenException(portName).getMessage());
        }
        return bridge(name, spec, portName, current);
    }

    private GatewayOutcome bridge(String name, L2GatewaySpec spec, String portName, Optional<GatewayPort> current) {
        Verdict accepted = Verdict.ok("Accepted", "bridging logical switch " + spec.logicalSwitch() + " onto network "
                + spec.networkName() + (spec.tagged() ? " VLAN " + spec.vlan() : " untagged"));
        ChassisIdentityCheck.Checked checked = identity.check(sb.chassis());
        List<ChassisInfo> chassis = checked.admitted();
        Optional<String> currentChassis = current.map(GatewayPort::chassisOption);
        Optional<PortBindingState> binding = sb.portBinding(portName);
        Optional<String> boundChassis = binding.flatMap(PortBindingState::chassisName);
        GatewayChooser.Choice choice = chooser.choose(spec.networkName(), spec.gatewayNodesOrAny(), currentChassis,
                boundChassis, chassis, health::isHealthyOrNew, health::whyUnhealthy);
        if (choice.chosen().isEmpty()) {
            Verdict none = checked.explain(spec.networkName(), Verdict.fail(choice.reason(), choice.message()));
            if (current.isEmpty()) {
                return new GatewayOutcome(accepted, none, none, null, null, Optional.empty(), List.of(),
                        Optional.empty());
            }
            // keep the port where it is: moving it nowhere would not bring traffic back sooner
            String node = nodeOf(chassis, boundChassis.or(() -> currentChassis).orElse(null));
            Verdict unhealthy = Verdict.fail("GatewayNodeUnhealthy", choice.message());
            return new GatewayOutcome(accepted, Verdict.ok("Programmed", "port " + portName + " kept on " + node),
                    unhealthy, boundChassis.isPresent() ? node : null, portName, Optional.empty(), List.of(),
                    Optional.empty());
        }
        ChassisInfo chosen = choice.chosen().get();
        List<String> candidates = new java.util.ArrayList<>();
        candidates.add(chosen.name());
        choice.standbys().forEach(c -> candidates.add(c.name()));
        current.ifPresent(port -> rememberLeftCandidates(name, port, candidates));
        nb.ensureGatewayPort(new DesiredGatewayPort(name, spec.logicalSwitch(), spec.networkName(), spec.vlan(),
                chosen.name(), candidates));
        List<String> standbyNodes = choice.standbys().stream().map(ChassisInfo::nodeName).toList();
        if (binding.isEmpty()) {
            Verdict waiting = Verdict.fail("WaitingForPortBinding", "Northbound port " + portName
                    + " written; waiting for ovn-northd to create its Port_Binding");
            return new GatewayOutcome(accepted, waiting, Verdict.fail("NotProgrammed", waiting.message()),
                    null, portName, Optional.empty(), standbyNodes, Optional.empty());
        }
        Verdict programmed = Verdict.ok("Programmed", "port " + portName + " on switch " + spec.logicalSwitch()
                + " with gateway candidates " + String.join(", ", candidates));
        Optional<GatewayOutcome.Failover> failover = moved(name, chassis, binding.get(), spec);
        failover.ifPresent(f -> lastMoves.put(name, f));
        String moved = Optional.ofNullable(lastMoves.get(name)).filter(f -> f.toNode().equals(chosen.nodeName()))
                .map(f -> " (moved from " + f.fromNode() + ": " + f.why() + ")").orElse("");
        boolean claimed = binding.get().claimedBy(chosen.name());
        Optional<String> foreign = boundChassis.filter(b -> !candidates.contains(b));
        if (boundChassis.isPresent() && foreign.isEmpty()) {
            leftCandidates.remove(name); // on a candidate now: moved (an unbound moment is still the move)
        }
        Optional<String> leaving = foreign.filter(b -> leftCandidate(name, b));
        Verdict bound = claimed
                ? Verdict.ok("Claimed", "chassis " + chosen.name() + " on node " + chosen.nodeName()
                        + " claimed the port and it is up" + moved)
                : leaving.isPresent() && health.isHealthy(leaving.get())
                ? Verdict.fail("WaitingForClaim", "waiting for chassis " + leaving.get() + ", a gateway candidate"
                        + " before the last change, to release port " + portName + " to chassis " + chosen.name()
                        + " on node " + chosen.nodeName())
                : leaving.isPresent()
                ? Verdict.fail("WaitingForClaim", "waiting for chassis " + chosen.name() + " on node "
                        + chosen.nodeName() + " to take port " + portName + " over from chassis " + leaving.get()
                        + " (" + health.whyUnhealthy(leaving.get()) + ")")
                : foreign.isPresent() && binding.get().up()
                ? Verdict.fail(BINDING_CONTESTED, "chassis " + foreign.get() + ", which is not one of the gateway"
                        + " candidates " + candidates + ", holds Port_Binding " + portName + "; the gateways take it"
                        + " back a few times, then leave it to avoid a tug of war: find who writes its chassis column")
                : Verdict.fail("WaitingForClaim", "waiting for the node agent on " + chosen.nodeName()
                        + " to claim port " + portName + boundChassis.map(b -> " (bound to " + b + " now)").orElse("")
                        + moved);
        Optional<String> degraded = claimed && !health.isHealthyOrNew(chosen.name())
                ? Optional.of(health.whyUnhealthy(chosen.name()) + "; its switch still forwards and answers BFD, so"
                        + " no standby takes over: restart the node agent on " + chosen.nodeName())
                : Optional.empty();
        return new GatewayOutcome(accepted, programmed, bound, claimed ? chosen.nodeName() : null, portName,
                failover, standbyNodes, degraded);
    }

    /**
     * The move since the last reconcile, judged on the Southbound binding (the truth: the gateways take ports
     * over themselves), with why, as far as the operator can tell.
     */
    private Optional<GatewayOutcome.Failover> moved(String name, List<ChassisInfo> chassis, PortBindingState binding,
                                                    L2GatewaySpec spec) {
        Optional<String> now = binding.up() ? binding.chassisName() : Optional.empty();
        if (now.isEmpty()) {
            return Optional.empty();
        }
        String before = lastBound.put(name, now.get());
        if (before == null || before.equals(now.get())) {
            return Optional.empty();
        }
        boolean handover = leftCandidate(name, before) && health.isHealthy(before);
        String why = handover
                ? "chassis " + before + " handed the port over to chassis " + now.get() + ": the gateway's last choice"
                        + " (a spec or node change) took " + before + " off its candidates"
                : health.isHealthy(before)
                ? "chassis " + now.get() + " took the port over from " + before + " (BFD, or a new choice: "
                        + before + " may no longer provide network " + spec.networkName() + " or be admitted)"
                : "chassis " + now.get() + " took the port over: " + health.whyUnhealthy(before);
        return Optional.of(new GatewayOutcome.Failover(nodeOf(chassis, before), nodeOf(chassis, now.get()), why,
                handover));
    }

    /**
     * Notes the chassis a new choice takes off a gateway's candidates ({@code port} as written before it): until the
     * binding is on a candidate, the one holding it is letting the port go, which is a step, not a contest. A
     * healthy one hands it over (an administrative move, not a failover); a failed one (heartbeat) is failed over
     * from.
     */
    private void rememberLeftCandidates(String name, GatewayPort port, List<String> candidates) {
        java.util.Set<String> before = new java.util.HashSet<>(
                org.ovnl2gw.contract.PortOptions.parseCandidates(port.candidatesOption()));
        if (port.chassisOption() != null) {
            before.add(port.chassisOption());
        }
        before.removeAll(candidates);
        if (!before.isEmpty()) {
            leftCandidates.computeIfAbsent(name, n -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                    .addAll(before);
        }
    }

    /** Whether this operator's choice took {@code chassis} off the gateway's candidates, the port not moved yet. */
    private boolean leftCandidate(String name, String chassis) {
        return leftCandidates.getOrDefault(name, java.util.Set.of()).contains(chassis);
    }

    void forget(String name) {
        lastMoves.remove(name);
        lastBound.remove(name);
        leftCandidates.remove(name);
    }

    private static String nodeOf(List<ChassisInfo> chassis, String chassisName) {
        return chassis.stream().filter(c -> c.name().equals(chassisName)).map(ChassisInfo::nodeName).findFirst()
                .orElse(chassisName);
    }
}
