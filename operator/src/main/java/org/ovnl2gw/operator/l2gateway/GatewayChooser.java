package org.ovnl2gw.operator.l2gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.ovnl2gw.api.v1alpha1.GatewayNodes;
import org.ovnl2gw.operator.ovn.ChassisInfo;

/**
 * Chooses the active gateway chassis and the ordered standbys for one L2Gateway. Admitted: registered by our
 * node agent, or by ovn-controller with our agent beside it (companion), its published bridge mappings provide
 * the network, its node is admitted by {@code gatewayNodes};
 * eligible: admitted and healthy (its agent reports). The chassis the Southbound binding names is kept active
 * while it is admitted, healthy or not (see {@link #keepBound} for the cases that involve companions): the
 * gateways themselves took it over there, and a chassis whose agent stopped reporting still forwards (its switch
 * answers BFD) and cannot be fenced from here. Otherwise the current
 * choice is kept while it stays eligible (no flapping back to a preferred node); otherwise the first eligible
 * preferred node wins, else the eligible node with the lowest name. The standbys are the other eligible chassis
 * in that preference order. Pure.
 */
public final class GatewayChooser {
    public static final String NETWORK_UNAVAILABLE = "NetworkUnavailable";
    public static final String NO_ELIGIBLE_NODE = "NoEligibleNode";

    private final NodeLabels nodeLabels;

    public GatewayChooser(NodeLabels nodeLabels) {
        this.nodeLabels = nodeLabels;
    }

    /**
     * The outcome: a chassis, or the reason there is none; {@code movedFrom} names the previous chassis when
     * it had to be left, and {@code why} says why.
     */
    public record Choice(Optional<ChassisInfo> chosen, String reason, String message, Optional<ChassisInfo> movedFrom,
                         List<ChassisInfo> standbys) {
        static Choice none(String reason, String message) {
            return new Choice(Optional.empty(), reason, message, Optional.empty(), List.of());
        }

        Choice withStandbys(List<ChassisInfo> all, List<String> preferred) {
            List<ChassisInfo> others = inPreferenceOrder(all, preferred).stream()
                    .filter(c -> chosen.map(x -> !x.name().equals(c.name())).orElse(true)).toList();
            return new Choice(chosen, reason, message, movedFrom, others);
        }
    }

    /** As above; {@code boundChassis} is the chassis the Southbound binding names now. */
    public Choice choose(String network, GatewayNodes nodes, Optional<String> currentChassis,
                         Optional<String> boundChassis, List<ChassisInfo> chassis, Predicate<String> healthy,
                         java.util.function.Function<String, String> whyUnhealthy) {
        List<ChassisInfo> providing = chassis.stream()
                .filter(c -> c.gatewayCapable() && c.provides(network)).toList();
        if (providing.isEmpty()) {
            return Choice.none(NETWORK_UNAVAILABLE, "no node agent publishes a bridge mapping for network " + network
                    + " (create a BridgeMapping that maps it on the gateway nodes)");
        }
        List<ChassisInfo> admitted = providing.stream()
                .filter(c -> nodes.admits(nodeLabels.labelsOf(c.nodeName()))).toList();
        if (admitted.isEmpty()) {
            return Choice.none(NO_ELIGIBLE_NODE, "nodes " + names(providing) + " provide network " + network
                    + " but none matches spec.gatewayNodes.nodeSelector");
        }
        List<ChassisInfo> eligible = admitted.stream().filter(c -> healthy.test(c.name())).toList();
        List<String> preferred = nodes.preferredNodes();
        Optional<ChassisInfo> current = currentChassis.flatMap(name ->
                chassis.stream().filter(c -> c.name().equals(name)).findFirst());
        Optional<ChassisInfo> bound = boundChassis.flatMap(name ->
                admitted.stream().filter(c -> c.name().equals(name)).findFirst());
        if (bound.isPresent() && keepBound(bound.get(), eligible, healthy)) {
            Optional<ChassisInfo> from = current.filter(c -> !c.name().equals(bound.get().name()));
            return new Choice(bound, "", "", from, List.of()).withStandbys(eligible, preferred);
        }
        if (bound.isPresent() && current.filter(eligible::contains).isEmpty()) {
            current = bound; // moving off the unhealthy holder: say so in movedFrom
        }
        if (current.isPresent() && eligible.contains(current.get())) {
            return new Choice(current, "", "", Optional.empty(), List.of()).withStandbys(eligible, preferred);
        }
        if (eligible.isEmpty()) {
            String why = admitted.stream().map(c -> whyUnhealthy.apply(c.name())).collect(Collectors.joining("; "));
            return Choice.none(NO_ELIGIBLE_NODE, "no healthy node provides network " + network + ": " + why);
        }
        ChassisInfo chosen = inPreferenceOrder(eligible, preferred).get(0);
        Optional<ChassisInfo> movedFrom = current.isPresent() ? current
                : currentChassis.map(name -> new ChassisInfo(name, name, java.util.Set.of(), false, Optional.empty()));
        return new Choice(Optional.of(chosen), "", "", movedFrom, List.of()).withStandbys(eligible, preferred);
    }

    /**
     * Whether the chassis holding the port stays active. A healthy one does. An unhealthy one our agent serves
     * does too while another agent-run chassis stands by: BFD between them decides (an agent that died while its
     * switch lives still forwards, and no standby takes over beside it); only when every eligible standby is a
     * companion (ovn-controller, which runs no BFD with us and takes a port only when the option names it) does the
     * operator move the port after the failover timeout, the old gateway having fenced itself by then (its agent's
     * flow lease). An unhealthy companion is moved away from at once: ovn-controller, if it still runs, releases
     * the port as soon as the option names another chassis.
     */
    private static boolean keepBound(ChassisInfo bound, List<ChassisInfo> eligible, Predicate<String> healthy) {
        if (healthy.test(bound.name())) {
            return true;
        }
        List<ChassisInfo> others = eligible.stream().filter(c -> !c.name().equals(bound.name())).toList();
        if (bound.companion()) {
            return others.isEmpty();
        }
        return others.stream().anyMatch(ChassisInfo::agentRegistered) || others.stream().noneMatch(ChassisInfo::companion);
    }

    private static List<ChassisInfo> inPreferenceOrder(List<ChassisInfo> eligible, List<String> preferred) {
        List<ChassisInfo> ordered = new ArrayList<>();
        for (String node : preferred) {
            eligible.stream().filter(c -> c.nodeName().equals(node)).findFirst().ifPresent(ordered::add);
        }
        eligible.stream().filter(c -> !ordered.contains(c))
                .sorted(Comparator.comparing(ChassisInfo::nodeName).thenComparing(ChassisInfo::name))
                .forEach(ordered::add);
        return ordered;
    }

    private static String names(List<ChassisInfo> chassis) {
        return chassis.stream().map(ChassisInfo::nodeName).sorted().collect(Collectors.joining(", "));
    }
}
