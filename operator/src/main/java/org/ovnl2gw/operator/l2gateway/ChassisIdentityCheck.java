package org.ovnl2gw.operator.l2gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ovnl2gw.operator.ovn.ChassisInfo;

/**
 * Ties a Southbound chassis our agent registered to a Kubernetes Node by what one chassis cannot forge for
 * another. Under OVN's Southbound RBAC a chassis writes only rows whose name (Chassis.name,
 * Encap.chassis_name) equals its certificate's CN, but anything in its other_config, including the node name
 * it publishes ({@code ovn-l2gw-node}). So:
 * <ol>
 *   <li>the Node is the one an administrator annotated {@code l2gw.ovn.org/chassis=<chassis name>}, else the
 *       Node whose name is the chassis name (unless that Node is annotated with another chassis);</li>
 *   <li>a node name the chassis publishes must be that Node;</li>
 *   <li>one of the chassis's encap IPs is among that Node's {@code status.addresses}.</li>
 * </ol>
 * A chassis failing any of these is never offered to the chooser; it is reported once per distinct problem
 * (to {@code onRejected}) and, for the L2Gateways whose network it provides, in their condition
 * ({@link Checked#explain}). Chassis not registered by our agent (ovn-controller's) pass unchanged: the chooser
 * never picks them anyway.
 */
public final class ChassisIdentityCheck {
    public static final String MISMATCH = "ChassisIdentityMismatch";
    public static final String CHASSIS_ANNOTATION = "l2gw.ovn.org/chassis";

    /** What the check needs of a Kubernetes Node. */
    public record NodeFacts(String name, Optional<String> chassisAnnotation, Set<String> addresses) {
        public NodeFacts {
            addresses = Set.copyOf(addresses);
        }
    }

    /** A chassis not admitted, and why. */
    public record Rejection(ChassisInfo chassis, String nodeName, String message) {
    }

    /** The outcome for one list of chassis: the admitted ones (with their verified node name) and the rest. */
    public record Checked(List<ChassisInfo> admitted, List<Rejection> rejected) {
        /**
         * The verdict when no chassis was chosen: when a chassis that provides the network was turned away
         * for its identity, that is the reason to show; otherwise {@code none} as it is.
         */
        public Verdict explain(String network, Verdict none) {
            List<Rejection> relevant = rejected.stream().filter(r -> r.chassis().provides(network)).toList();
            if (relevant.isEmpty()) {
                return none;
            }
            String why = relevant.stream().map(Rejection::message).collect(Collectors.joining("; "));
            return Verdict.fail(MISMATCH, none.reason().equals(GatewayChooser.NETWORK_UNAVAILABLE)
                    ? "only chassis that fail the identity check provide network " + network + ": " + why
                    : none.message() + "; not admitted: " + why);
        }
    }

    private final Supplier<Map<String, Set<String>>> encapIps;
    private final Supplier<List<NodeFacts>> nodes;
    private final Consumer<Rejection> onRejected;
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    public ChassisIdentityCheck(Supplier<Map<String, Set<String>>> encapIps, Supplier<List<NodeFacts>> nodes,
                                Consumer<Rejection> onRejected) {
        this.encapIps = encapIps;
        this.nodes = nodes;
        this.onRejected = onRejected;
    }

    /** Checks the chassis against the current Nodes and encaps, reporting new rejections. */
    public Checked check(List<ChassisInfo> chassis) {
        Checked checked = check(chassis, encapIps.get(), nodes.get());
        Set<String> now = new TreeSet<>();
        for (Rejection r : checked.rejected()) {
            now.add(r.chassis().name());
            if (!r.message().equals(reported.put(r.chassis().name(), r.message()))) {
                onRejected.accept(r);
            }
        }
        reported.keySet().retainAll(now);
        return checked;
    }

    /** The check itself, pure. */
    public static Checked check(List<ChassisInfo> chassis, Map<String, Set<String>> encapIps, List<NodeFacts> nodes) {
        List<ChassisInfo> admitted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (ChassisInfo c : chassis) {
            if (!c.agentRegistered()) {
                admitted.add(c);
                continue;
            }
            Set<String> ips = encapIps.getOrDefault(c.name(), Set.of());
            List<NodeFacts> annotated = nodes.stream()
                    .filter(n -> n.chassisAnnotation().filter(c.name()::equals).isPresent()).toList();
            Optional<NodeFacts> named = nodes.stream().filter(n -> n.name().equals(c.name())).findFirst();
            Optional<NodeFacts> node;
            if (annotated.size() > 1) {
                rejected.add(new Rejection(c, c.nodeName(), "chassis " + c.name() + " is named by the "
                        + CHASSIS_ANNOTATION + " annotation of several Nodes ("
                        + annotated.stream().map(NodeFacts::name).sorted().collect(Collectors.joining(", "))
                        + "); it can be only one of them"));
                continue;
            } else if (annotated.size() == 1) {
                node = Optional.of(annotated.get(0));
            } else {
                node = named.filter(n -> n.chassisAnnotation().isEmpty());
            }
            if (node.isEmpty()) {
                String why = named.isPresent()
                        ? "Node " + c.name() + " is annotated " + CHASSIS_ANNOTATION + "=" + named.get().chassisAnnotation().get()
                        : "there is no Node named " + c.name();
                rejected.add(new Rejection(c, c.nodeName(), "chassis " + c.name() + " is tied to no Node: " + why
                        + " and no Node is annotated " + CHASSIS_ANNOTATION + "=" + c.name()));
                continue;
            }
            NodeFacts n = node.get();
            // the name the chassis publishes is its own word: it may only agree
            if (!c.nodeName().equals(c.name()) && !c.nodeName().equals(n.name())) {
                rejected.add(new Rejection(c, c.nodeName(), "chassis " + c.name() + " says it is node " + c.nodeName()
                        + " but is tied to Node " + n.name()));
                continue;
            }
            if (ips.stream().noneMatch(n.addresses()::contains)) {
                rejected.add(new Rejection(c, n.name(), "chassis " + c.name() + " has encap IP "
                        + (ips.isEmpty() ? "none" : String.join(", ", new TreeSet<>(ips))) + ", not among Node "
                        + n.name() + "'s addresses (" + (n.addresses().isEmpty() ? "none"
                        : String.join(", ", new TreeSet<>(n.addresses()))) + ")"));
                continue;
            }
            admitted.add(new ChassisInfo(c.name(), n.name(), c.networks(), c.agentRegistered(), c.heartbeat()));
        }
        return new Checked(List.copyOf(admitted), List.copyOf(rejected));
    }
}
