package org.ovnl2gw.agent.dataplane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;

/**
 * Decides, for one l2gateway port and this chassis, what this chassis does with it. This is the takeover rule
 * every gateway applies on its own, so failover needs neither the operator nor the Kubernetes API (only the
 * Southbound DB, where the claim is written and which the hypervisors follow):
 *
 * <ol>
 *   <li>The port's <em>order</em> is {@code options:l2gateway-chassis} (the operator's active choice) followed
 *       by the rest of {@code options:ovn-l2gw-candidates}. With neither, the binding was made by hand in the
 *       Southbound DB (the seed's administrative binding): the bound chassis serves it.
 *   <li>Not in the order: release the port if it is bound here (the option moved it away, as ovn-controller
 *       releases at once), else nothing.
 *   <li>Bound here: serve it, unless the named chassis is another one that is alive and did not just lose the
 *       port to us (an administrative move: release, and the named chassis claims it).
 *   <li>Bound to another candidate that is alive: stand by. An incumbent is never preempted, so a node coming
 *       back does not take the port back and no frame is lost on its return. An incumbent counts as down only
 *       when this chassis saw its BFD session forward while it held the port and then saw it go down: a claim
 *       is itself evidence of life, so two gateways whose BFD cannot reach each other do not take the port
 *       from each other in turn (the operator's heartbeat-based choice is the fallback for that double fault).
 *   <li>Unbound, or bound to a candidate that is down: the first live chassis of the order claims it; the
 *       others stand by. A chassis ovn-controller serves is skipped there unless the option names it: ovn-controller
 *       claims only a port whose {@code options:l2gateway-chassis} names it and runs no BFD with us, so no agent
 *       waits for it, none claims ahead of it while it is named, and none takes a port from it by BFD (it always
 *       counts as alive): moving a port to or from such a chassis is the operator's rename of the option.
 * </ol>
 * "Alive" is {@link PeerLiveness}: BFD on the tunnel to that chassis, where an unknown state counts as alive so
 * that a gateway never claims on the mere absence of evidence. Pure.
 */
public final class GatewayRoles {

    /** What this chassis does with a port. */
    public enum Role {
        /** Bound here: bridge it. */
        ACTIVE,
        /** Take it: write the claim, then bridge it. */
        CLAIM,
        /** A candidate that is not active: keep the patch ports ready, let nothing through. */
        STANDBY,
        /** Bound here but no longer ours: clear the binding, stop bridging. */
        RELEASE,
        /** Nothing to do with this chassis. */
        NONE
    }

    private GatewayRoles() {
    }

    /**
     * Whether no other gateway may bridge {@code port} if {@code me} claims it: it is bound to no chassis and has no
     * candidate but {@code me} (no peer takes it over, ovn-controller claims only a port whose option names it). That
     * is the case ovn-controller handles by putting its flows in before its claim. A port bound elsewhere, or with
     * standbys, is not: that is where two gateways could bridge one network, so its claim's compare-and-set decides.
     */
    public static boolean uncontested(LogicalPort port, String me) {
        List<String> order = order(port);
        return port.chassis().isEmpty() && !order.isEmpty() && order.stream().allMatch(me::equals);
    }

    /** The order in which chassis should serve the port: the named one first, then the other candidates. */
    public static List<String> order(LogicalPort port) {
        List<String> order = new ArrayList<>();
        port.l2gatewayChassis().filter(s -> !s.isBlank()).ifPresent(order::add);
        for (String c : port.candidates()) {
            if (!order.contains(c)) {
                order.add(c);
            }
        }
        return order;
    }

    /**
     * @param tookOverFrom     chassis this one took the port from while it was still named (empty when none): its
     *                         return does not make us hand the port back, only a new choice of the operator does
     * @param incumbentSeenUp  whether this chassis saw BFD to the chassis now holding the port forward since it
     *                         holds it
     */
    public static Role decide(LogicalPort port, String me, PeerLiveness liveness, Optional<String> tookOverFrom,
                              boolean incumbentSeenUp) {
        if (!port.isL2Gateway()) {
            return Role.NONE;
        }
        Optional<String> bound = port.chassis();
        boolean boundHere = bound.filter(me::equals).isPresent();
        List<String> order = order(port);
        if (order.isEmpty()) {
            return boundHere ? Role.ACTIVE : Role.NONE;
        }
        if (!order.contains(me)) {
            return boundHere ? Role.RELEASE : Role.NONE;
        }
        if (boundHere) {
            String named = order.get(0);
            boolean handBack = !named.equals(me) && liveness.alive(named)
                    && !tookOverFrom.filter(named::equals).isPresent();
            return handBack ? Role.RELEASE : Role.ACTIVE;
        }
        if (bound.isPresent()) {
            String incumbent = bound.get();
            if (!order.contains(incumbent)) {
                // the option moved the port off a chassis that is no longer a candidate: the named one takes it
                return order.get(0).equals(me) ? Role.CLAIM : Role.STANDBY;
            }
            if (liveness.alive(incumbent) || !incumbentSeenUp) {
                return Role.STANDBY;
            }
        }
        Optional<String> named = port.l2gatewayChassis().filter(s -> !s.isBlank());
        for (String c : order) {
            if (c.equals(me)) {
                return Role.CLAIM;
            }
            if (liveness.ovnController(c) && !named.filter(c::equals).isPresent()) {
                continue;
            }
            if (liveness.alive(c)) {
                return Role.STANDBY;
            }
        }
        return Role.STANDBY;
    }

    /** As above, for a caller that saw every incumbent up (the seed's single-gateway world, tests). */
    public static Role decide(LogicalPort port, String me, PeerLiveness liveness, Optional<String> tookOverFrom) {
        return decide(port, me, liveness, tookOverFrom, true);
    }

    /**
     * The chassis this one should run BFD with: every other candidate of a port it is a candidate for (the planner
     * leaves out those ovn-controller serves: they run no BFD with us).
     */
    public static Set<String> peers(List<LogicalPort> ports, String me) {
        Set<String> peers = new java.util.TreeSet<>();
        for (LogicalPort port : ports) {
            List<String> order = order(port);
            if (port.isL2Gateway() && order.contains(me)) {
                order.stream().filter(c -> !c.equals(me)).forEach(peers::add);
            }
        }
        return peers;
    }
}
