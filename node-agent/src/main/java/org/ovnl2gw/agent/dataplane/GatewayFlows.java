package org.ovnl2gw.agent.dataplane;

import static org.ovnl2gw.agent.dataplane.GatewayTables.CLASSIFY;
import static org.ovnl2gw.agent.dataplane.GatewayTables.LOGICAL_TO_PHYSICAL;
import static org.ovnl2gw.agent.dataplane.GatewayTables.PHYSICAL_TO_LOGICAL;
import static org.ovnl2gw.agent.dataplane.GatewayTables.REG_DATAPATH;
import static org.ovnl2gw.agent.dataplane.GatewayTables.REG_INGRESS_PORT;
import static org.ovnl2gw.agent.dataplane.GatewayTables.cookie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ovnl2gw.agent.dataplane.GatewayPlan.ServedPort;
import org.ovnl2gw.agent.dataplane.GatewayPlan.TunnelPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.MulticastGroup;
import org.ovnl2gw.agent.openflow.Action;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.agent.openflow.Match;
import org.ovnl2gw.agent.openflow.MatchField;
import org.ovnl2gw.agent.openflow.OxmField;

/**
 * The complete desired flow set of br-int for a plan, given the OpenFlow port numbers OVS assigned.
 * A served port or tunnel whose ofport is not known yet simply has no flows until it is.
 *
 * <p>Physical to logical (what the seed's physical.c does for the port, without the logical ingress
 * pipeline): from the patch port, match the VLAN (tagged: the tag, then strip it; untagged: no 802.1Q
 * header, or a priority tag with VLAN 0, stripped), then by destination MAC send to the chassis that
 * port is bound to with {@code tun_id} = datapath key and {@code tun_metadata0} = ingress key << 16 |
 * egress key; group addresses go to every other chassis with a {@code _MC_flood} member, unknown unicast
 * to those with an {@code _MC_unknown} member. Logical to physical: from any tunnel with the datapath's
 * VNI, an egress key that is the port's own key or any multicast group containing it is delivered to
 * the patch port, tagged when the port has a VLAN.
 */
public final class GatewayFlows {
    static final int PRIORITY_TAGGED = 150;
    static final int PRIORITY_MATCH = 100;
    static final int PRIORITY_GROUP_ADDRESS = 50;
    static final int PRIORITY_UNKNOWN = 10;
    static final int PRIORITY_DROP = 0;
    static final String FLOOD = "_MC_flood";
    static final String UNKNOWN = "_MC_unknown";

    /** Of {@code flows}, those that let frames from the physical side of {@code ports} into the overlay. */
    public static Set<Flow> admitting(Set<Flow> flows, java.util.Collection<ServedPort> ports) {
        Set<Long> cookies = new java.util.HashSet<>();
        ports.forEach(p -> cookies.add(GatewayTables.cookie(p.datapathKey(), p.portKey())));
        Set<Flow> admitting = new LinkedHashSet<>();
        for (Flow f : flows) {
            if (f.table() == CLASSIFY && cookies.contains(f.cookie())) {
                admitting.add(f);
            }
        }
        return admitting;
    }

    public Set<Flow> flows(GatewayPlan plan, SouthboundView view, Map<String, Long> ofports) {
        Set<Flow> flows = new LinkedHashSet<>();
        if (plan.servedPorts().isEmpty()) {
            return flows;
        }
        Map<String, Long> tunnelOfportByChassis = new LinkedHashMap<>();
        for (TunnelPort tunnel : plan.tunnels()) {
            Long ofport = ofports.get(tunnel.portName());
            if (ofport != null && ofport > 0) {
                tunnelOfportByChassis.put(tunnel.chassis(), ofport);
            }
        }
        ByDatapath byDatapath = new ByDatapath(view);
        Map<String, Long> served = GatewayPlan.patchOfports(plan, ofports);
        for (ServedPort port : plan.servedPorts()) {
            Long patch = served.get(port.logicalPort());
            if (patch != null) {
                fromPhysical(port, patch, byDatapath, tunnelOfportByChassis, flows);
            }
        }
        Set<Long> datapathKeys = new LinkedHashSet<>();
        for (ServedPort port : plan.servedPorts()) {
            if (served.containsKey(port.logicalPort()) && datapathKeys.add(port.datapathKey())) {
                for (long tunnel : tunnelOfportByChassis.values()) {
                    flows.add(Flow.of(CLASSIFY, PRIORITY_MATCH, cookie(port.datapathKey(), 0),
                            Match.builder().inPort(tunnel).tunId(port.datapathKey()).build(),
                            Action.setReg(REG_DATAPATH, port.datapathKey()), Action.resubmit(LOGICAL_TO_PHYSICAL)));
                }
            }
        }
        toPhysical(plan, byDatapath, served, flows);
        if (!flows.isEmpty()) {
            flows.add(Flow.of(CLASSIFY, PRIORITY_DROP, GatewayTables.COOKIE_OWNER, Match.any()));
            flows.add(Flow.of(PHYSICAL_TO_LOGICAL, PRIORITY_DROP, GatewayTables.COOKIE_OWNER, Match.any()));
            flows.add(Flow.of(LOGICAL_TO_PHYSICAL, PRIORITY_DROP, GatewayTables.COOKIE_OWNER, Match.any()));
        }
        return flows;
    }

    private void fromPhysical(ServedPort port, long patch, ByDatapath view, Map<String, Long> tunnels,
                              Set<Flow> flows) {
        long dp = port.datapathKey();
        long cookie = cookie(dp, port.portKey());
        Action[] context = {Action.setReg(REG_DATAPATH, dp), Action.setReg(REG_INGRESS_PORT, port.portKey()),
                Action.resubmit(PHYSICAL_TO_LOGICAL)};
        if (port.tag() != 0) {
            flows.add(Flow.of(CLASSIFY, PRIORITY_TAGGED, cookie,
                    Match.builder().inPort(patch).vlanVid(port.tag()).build(), prepend(Action.popVlan(), context)));
        } else {
            // The seed: accept frames without an 802.1Q header, and priority-tagged frames (VLAN 0), stripped.
            flows.add(Flow.of(CLASSIFY, PRIORITY_MATCH, cookie,
                    Match.builder().inPort(patch).untagged().build(), context));
            flows.add(Flow.of(CLASSIFY, PRIORITY_MATCH, cookie,
                    Match.builder().inPort(patch).vlanVid(0).build(), prepend(Action.popVlan(), context)));
        }
        Match.Builder base = Match.builder().reg(REG_DATAPATH, dp).reg(REG_INGRESS_PORT, port.portKey());
        Set<String> seenMacs = new LinkedHashSet<>();
        for (LogicalPort other : view.ports(port.datapath())) {
            if (other.name().equals(port.logicalPort())) {
                continue;
            }
            Optional<Long> tunnel = other.chassis().map(tunnels::get);
            if (tunnel.isEmpty()) {
                continue; // unbound, bound here, or on a chassis we have no tunnel to
            }
            for (String mac : other.macs()) {
                if (seenMacs.add(mac)) {
                    flows.add(Flow.of(PHYSICAL_TO_LOGICAL, PRIORITY_MATCH, cookie,
                            copy(base).ethDst(mac).build(),
                            Action.setTunId(dp), Action.setTunMetadata0(port.portKey() << 16 | other.tunnelKey()),
                            Action.output(tunnel.get())));
                }
            }
        }
        flows.add(Flow.of(PHYSICAL_TO_LOGICAL, PRIORITY_GROUP_ADDRESS, cookie, copy(base).ethDstMulticast().build(),
                groupActions(port, FLOOD, view, tunnels)));
        flows.add(Flow.of(PHYSICAL_TO_LOGICAL, PRIORITY_UNKNOWN, cookie, copy(base).build(),
                groupActions(port, UNKNOWN, view, tunnels)));
    }

    /** Send to every other chassis that has a member of the group: once per chassis (its controller fans out). */
    private Action[] groupActions(ServedPort port, String groupName, ByDatapath view, Map<String, Long> tunnels) {
        Optional<MulticastGroup> group = view.groups(port.datapath()).stream()
                .filter(g -> g.name().equals(groupName)).findFirst();
        if (group.isEmpty()) {
            return new Action[0];
        }
        Set<Long> outputs = new LinkedHashSet<>();
        for (LogicalPort member : view.ports(port.datapath())) {
            if (group.get().ports().contains(member.name()) && !member.name().equals(port.logicalPort())) {
                member.chassis().map(tunnels::get).ifPresent(outputs::add);
            }
        }
        if (outputs.isEmpty()) {
            return new Action[0];
        }
        List<Action> actions = new ArrayList<>();
        actions.add(Action.setTunId(port.datapathKey()));
        actions.add(Action.setTunMetadata0(port.portKey() << 16 | group.get().tunnelKey()));
        outputs.stream().sorted().forEach(o -> actions.add(Action.output(o)));
        return actions.toArray(Action[]::new);
    }

    /**
     * One flow per (datapath, egress key): a multicast group may contain several ports served here (one
     * switch bridged onto two networks), and each gets the frame, tagged as its own VLAN says.
     */
    private void toPhysical(GatewayPlan plan, ByDatapath view, Map<String, Long> served, Set<Flow> flows) {
        Map<List<Long>, List<ServedPort>> receivers = new LinkedHashMap<>();
        for (ServedPort port : plan.servedPorts()) {
            if (!served.containsKey(port.logicalPort())) {
                continue;
            }
            receivers.computeIfAbsent(List.of(port.datapathKey(), port.portKey()), k -> new ArrayList<>()).add(port);
            view.groups(port.datapath()).stream()
                    .filter(g -> g.ports().contains(port.logicalPort()))
                    .forEach(g -> receivers.computeIfAbsent(List.of(port.datapathKey(), g.tunnelKey()),
                            k -> new ArrayList<>()).add(port));
        }
        for (Map.Entry<List<Long>, List<ServedPort>> entry : receivers.entrySet()) {
            long dp = entry.getKey().get(0);
            long egressKey = entry.getKey().get(1);
            List<Action> actions = new ArrayList<>();
            List<ServedPort> ports = entry.getValue();
            for (int i = 0; i < ports.size(); i++) {
                ServedPort port = ports.get(i);
                if (port.tag() != 0) {
                    actions.add(Action.pushVlan());
                    actions.add(Action.setVlanVid(port.tag()));
                }
                actions.add(Action.output(served.get(port.logicalPort())));
                if (port.tag() != 0 && i < ports.size() - 1) {
                    actions.add(Action.popVlan());
                }
            }
            flows.add(Flow.of(LOGICAL_TO_PHYSICAL, PRIORITY_MATCH, cookie(dp, egressKey),
                    Match.builder().reg(REG_DATAPATH, dp)
                            .field(MatchField.masked(OxmField.TUN_METADATA0, egressKey, 0xffff)).build(),
                    actions.toArray(Action[]::new)));
        }
    }

    /**
     * The view's ports and groups by datapath, made once per flow computation: each served port looks at its
     * own datapath only, so a pass over N ports on N switches costs N, not N squared.
     */
    private record ByDatapath(Map<String, List<LogicalPort>> ports, Map<String, List<MulticastGroup>> groups) {
        ByDatapath(SouthboundView view) {
            this(view.ports().stream().collect(Collectors.groupingBy(LogicalPort::datapath)),
                    view.groups().stream().collect(Collectors.groupingBy(MulticastGroup::datapath)));
        }

        List<LogicalPort> ports(String datapath) {
            return ports.getOrDefault(datapath, List.of());
        }

        List<MulticastGroup> groups(String datapath) {
            return groups.getOrDefault(datapath, List.of());
        }
    }

    private static Match.Builder copy(Match.Builder builder) {
        Match built = builder.build();
        Match.Builder copy = Match.builder();
        built.fields().forEach(copy::field);
        return copy;
    }

    private static Action[] prepend(Action first, Action[] rest) {
        Action[] all = new Action[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
