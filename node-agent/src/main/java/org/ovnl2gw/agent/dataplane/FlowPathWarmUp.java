package org.ovnl2gw.agent.dataplane;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ovnl2gw.agent.dataplane.GatewayPlan.ServedPort;
import org.ovnl2gw.agent.dataplane.GatewayPlan.TunnelPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.MulticastGroup;
import org.ovnl2gw.agent.dataplane.SouthboundView.RemoteChassis;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.agent.openflow.FlowChange;
import org.ovnl2gw.agent.openflow.OpenFlowClient;

/**
 * Runs the flow path of a bind (the flows of a plan, the lease subset, the difference with what is installed, the
 * bundle encoding) on a made-up gateway a few hundred times at start, so that the JIT has compiled it before the
 * first real bind or takeover. Without it every bind ran that code interpreted (C1 compiles a method after about
 * 200 calls, and a bind makes one), 10-20 ms of a bind's 40 against ~1 ms compiled. Touches no switch, no
 * database and no state of the agent: plain values in, bytes counted and dropped.
 */
public final class FlowPathWarmUp {
    private static final Logger LOG = Logger.getLogger(FlowPathWarmUp.class.getName());
    /** Enough for C1 to compile every method of the path (each runs at least once a round). */
    public static final int ROUNDS = 400;

    private FlowPathWarmUp() {
    }

    /** Runs the path {@code rounds} times; returns the bytes it would have sent (so none of it is optimised away). */
    public static long run(int rounds) {
        long t0 = System.nanoTime();
        GatewayFlows builder = new GatewayFlows();
        long bytes = 0;
        for (int i = 0; i < rounds; i++) {
            Made made = made(i);
            Set<Flow> desired = builder.flows(made.plan(), made.view(), made.ofports());
            Set<Flow> leased = GatewayFlows.admitting(desired, made.plan().servedPorts());
            Set<Flow> installed = new HashSet<>(made.installed());
            List<FlowChange> changes = new ArrayList<>();
            for (Flow flow : installed) {
                if (!desired.contains(flow)) {
                    changes.add(FlowChange.delete(flow));
                }
            }
            for (Flow flow : desired) {
                if (leased.contains(flow)) {
                    changes.add(FlowChange.addExpiring(flow, 5));
                } else if (!installed.contains(flow)) {
                    changes.add(FlowChange.add(flow));
                }
            }
            bytes += OpenFlowClient.encodeOnly(changes);
        }
        long total = bytes;
        LOG.fine(() -> String.format("flow path warm-up: %d rounds in %.0f ms (%d bytes encoded, none sent)", rounds,
                (System.nanoTime() - t0) / 1e6, total));
        return total;
    }

    private record Made(GatewayPlan plan, SouthboundView view, Map<String, Long> ofports, Set<Flow> installed) {
    }

    /** Two switches, a tagged and an untagged port, two hypervisors, a peer gateway; a few numbers vary by round. */
    private static Made made(int round) {
        long vlan = 100 + round % 50;
        List<LogicalPort> ports = List.of(
                new LogicalPort("gw-a", "dp-a", 1, "l2gateway", Optional.of("me"), List.of(), Optional.of("phys"),
                        Optional.of("me"), (int) vlan, List.of("me", "peer"), Map.of()),
                new LogicalPort("vm-a", "dp-a", 2, "", Optional.of("hv1"), List.of("f0:00:00:00:00:01"),
                        Optional.empty(), Optional.empty(), 0, List.of(), Map.of("f0:00:00:00:00:01", "10.0.0.1")),
                new LogicalPort("gw-b", "dp-b", 1, "l2gateway", Optional.of("me"), List.of(), Optional.of("phys"),
                        Optional.of("me"), 0),
                new LogicalPort("vm-b", "dp-b", 2, "", Optional.of("hv2"), List.of("f0:00:00:00:00:02"),
                        Optional.empty(), Optional.empty(), 0));
        List<MulticastGroup> groups = List.of(
                new MulticastGroup("dp-a", GatewayFlows.FLOOD, 32768, Set.of("gw-a", "vm-a")),
                new MulticastGroup("dp-a", GatewayFlows.UNKNOWN, 32769, Set.of("gw-a")),
                new MulticastGroup("dp-b", GatewayFlows.FLOOD, 32768, Set.of("gw-b", "vm-b")),
                new MulticastGroup("dp-b", GatewayFlows.UNKNOWN, 32769, Set.of("gw-b", "vm-b")));
        SouthboundView view = new SouthboundView("me", Map.of(
                "hv1", new RemoteChassis("hv1", "192.0.2.11", true),
                "hv2", new RemoteChassis("hv2", "192.0.2.12", true),
                "peer", new RemoteChassis("peer", "192.0.2.13", false)),
                Map.of("dp-a", 1L + round % 7, "dp-b", 9L), ports, groups);
        List<ServedPort> served = List.of(
                new ServedPort("gw-a", "dp-a", 1 + round % 7, 1, (int) vlan, "phys", "br-phys"),
                new ServedPort("gw-b", "dp-b", 9, 1, 0, "phys", "br-phys"));
        List<TunnelPort> tunnels = List.of(new TunnelPort("hv1", "192.0.2.11"), new TunnelPort("hv2", "192.0.2.12"),
                new TunnelPort("peer", "192.0.2.13", true));
        GatewayPlan plan = new GatewayPlan(served, tunnels, List.of());
        Map<String, Long> ofports = Map.of(served.get(0).integrationPatch(), 49152L, served.get(1).integrationPatch(),
                49153L, tunnels.get(0).portName(), 1L, tunnels.get(1).portName(), 2L, tunnels.get(2).portName(), 3L);
        // what the round before would have installed: a difference of a few flows each way
        Set<Flow> installed = round == 0 ? Set.of() : new GatewayFlows().flows(made(round - 1, plan, view), view,
                ofports);
        return new Made(plan, view, ofports, installed);
    }

    private static GatewayPlan made(int round, GatewayPlan plan, SouthboundView view) {
        List<ServedPort> served = plan.servedPorts().stream().map(p -> p.tag() == 0 ? p
                : new ServedPort(p.logicalPort(), p.datapath(), p.datapathKey(), p.portKey(), 100 + round % 50,
                        p.network(), p.bridge())).toList();
        return new GatewayPlan(served, plan.tunnels(), List.of());
    }
}
