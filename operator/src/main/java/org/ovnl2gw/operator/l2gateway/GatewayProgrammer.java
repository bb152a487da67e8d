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
 * for a refused spec), then the chassis choice, the Northbound port, and the Southbound binding once ovn-northd
 * has made it. Returns what it found for the status; throws {@link OvnUnavailableException} when OVN cannot be
 * read or written now.
 */
final class GatewayProgrammer {
    static final String INVALID_SPEC = "InvalidSpec";
    static final String SWITCH_NOT_FOUND = "LogicalSwitchNotFound";
    static final String SWITCH_AMBIGUOUS = "LogicalSwitchAmbiguous";
    static final String PORT_NAME_TAKEN = "PortNameTaken";

    private final NorthboundClient nb;
    private final SouthboundClient sb;
    private final GatewayChooser chooser;
    private final ChassisHealth health;
    private final UnreadableResources unreadable;
    /** The last move per gateway, kept in the Bound message while the port stays where it moved to. */
    private final java.util.Map<String, GatewayOutcome.Failover> lastMoves = new java.util.concurrent.ConcurrentHashMap<>();

    GatewayProgrammer(NorthboundClient nb, SouthboundClient sb, GatewayChooser chooser, ChassisHealth health,
                      UnreadableResources unreadable) {
        this.nb = nb;
        this.unreadable = unreadable;
        this.sb = sb;
        this.chooser = chooser;
        this.health = health;
    }

    GatewayOutcome program(L2Gateway gateway, Collection<L2Gateway> all) {
        String name = gateway.getMetadata().getName();
        L2GatewaySpec spec = gateway.getSpec();
        // read without its spec: the object did not fit the model (no schema where it was stored, or skew)
        List<SpecProblem> problems = unreadable.problem(gateway).map(List::of)
                .orElseGet(() -> spec == null ? List.of(new SpecProblem("spec", "is required")) : spec.validate());
        if (!problems.isEmpty()) {
            return GatewayOutcome.rejected(INVALID_SPEC, problems.stream().map(SpecProblem::toString)
                    .collect(Collectors.joining("; ")));
        }
        Optional<SpecConflicts.Conflict> conflict = SpecConflicts.find(gateway, all);
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
        List<ChassisInfo> chassis = sb.chassis();
        Optional<String> currentChassis = current.map(GatewayPort::chassisOption);
        GatewayChooser.Choice choice = chooser.choose(spec.networkName(), spec.gatewayNodesOrAny(), currentChassis,
                chassis, health::isHealthy, health::whyUnhealthy);
        if (choice.chosen().isEmpty()) {
            Verdict none = Verdict.fail(choice.reason(), choice.message());
            if (current.isEmpty()) {
                return new GatewayOutcome(accepted, none, none, null, null, Optional.empty());
            }
            // keep the port where it is: moving it nowhere would not bring traffic back sooner
            String node = nodeOf(chassis, currentChassis.orElse(null));
            Verdict unhealthy = Verdict.fail("GatewayNodeUnhealthy", choice.message());
            return new GatewayOutcome(accepted, Verdict.ok("Programmed", "port " + portName + " kept on " + node),
                    unhealthy, node, portName, Optional.empty());
        }
        ChassisInfo chosen = choice.chosen().get();
        nb.ensureGatewayPort(new DesiredGatewayPort(name, spec.logicalSwitch(), spec.networkName(), spec.vlan(),
                chosen.name()));
        Optional<GatewayOutcome.Failover> failover = choice.movedFrom().map(from -> new GatewayOutcome.Failover(
                from.nodeName(), chosen.nodeName(), health.isHealthy(from.name())
                        ? "chassis " + from.name() + " no longer provides network " + spec.networkName()
                                + " or is no longer admitted by spec.gatewayNodes"
                        : health.whyUnhealthy(from.name())));
        Optional<PortBindingState> binding = sb.portBinding(portName);
        if (binding.isEmpty()) {
            Verdict waiting = Verdict.fail("WaitingForPortBinding", "Northbound port " + portName
                    + " written; waiting for ovn-northd to create its Port_Binding");
            return new GatewayOutcome(accepted, waiting, Verdict.fail("NotProgrammed", waiting.message()),
                    chosen.nodeName(), portName, failover);
        }
        sb.bindPort(portName, chosen.name());
        Verdict programmed = Verdict.ok("Programmed", "port " + portName + " on switch " + spec.logicalSwitch()
                + " bound to chassis " + chosen.name());
        failover.ifPresent(f -> lastMoves.put(name, f));
        String moved = Optional.ofNullable(lastMoves.get(name)).filter(f -> f.toNode().equals(chosen.nodeName()))
                .map(f -> " (moved from " + f.fromNode() + ": " + f.why() + ")").orElse("");
        Verdict bound = binding.get().claimedBy(chosen.name())
                ? Verdict.ok("Claimed", "chassis " + chosen.name() + " on node " + chosen.nodeName()
                        + " claimed the port and it is up" + moved)
                : Verdict.fail("WaitingForClaim", "waiting for the node agent on " + chosen.nodeName()
                        + " to claim port " + portName + moved);
        return new GatewayOutcome(accepted, programmed, bound, chosen.nodeName(), portName, failover);
    }

    void forget(String name) {
        lastMoves.remove(name);
    }

    private static String nodeOf(List<ChassisInfo> chassis, String chassisName) {
        return chassis.stream().filter(c -> c.name().equals(chassisName)).map(ChassisInfo::nodeName).findFirst()
                .orElse(chassisName);
    }
}
