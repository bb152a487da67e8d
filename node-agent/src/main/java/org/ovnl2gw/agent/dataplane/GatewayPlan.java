package org.ovnl2gw.agent.dataplane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What this chassis must provide: the l2gateway ports it serves (flows through the patch port pair between br-int
 * and the mapped bridge), the ports it stands by for (no flows), the Geneve tunnels to the other chassis (with BFD
 * to the peer gateways), and the ports it cannot serve with why.
 *
 * <p>One patch port pair per mapped bridge, not per l2gateway port as ovn-controller makes them: the ports on one
 * bridge are told apart by their VLAN in the flows, as they always were (the bridge-side patch port is a trunk
 * either way). So a new port, a takeover, or 200 ports at once need flows only and no port in ovs-vswitchd, and a
 * broadcast on the physical network enters br-int once, not once per l2gateway port on the bridge.
 */
public record GatewayPlan(List<ServedPort> servedPorts, List<ServedPort> standbyPorts, List<TunnelPort> tunnels,
                          List<PortProblem> problems) {
    /** Nothing served, nothing standing by: before the first pass, and after giving everything up. */
    public static final GatewayPlan EMPTY = new GatewayPlan(List.of(), List.of(), List.of(), List.of());

    public GatewayPlan {
        servedPorts = List.copyOf(servedPorts);
        standbyPorts = List.copyOf(standbyPorts);
        tunnels = List.copyOf(tunnels);
        problems = List.copyOf(problems);
    }

    public GatewayPlan(List<ServedPort> servedPorts, List<TunnelPort> tunnels, List<PortProblem> problems) {
        this(servedPorts, List.of(), tunnels, problems);
    }

    /** An l2gateway port bound here whose network is mapped to an existing bridge. */
    public record ServedPort(String logicalPort, String datapath, long datapathKey, long portKey, int tag,
                             String network, String bridge) {

        /** The br-int side of its bridge's patch pair, shared with every port on that bridge. */
        public String integrationPatch() {
            return GatewayPlan.integrationPatch(bridge);
        }
    }

    /**
     * Each served port's OpenFlow port on br-int (its bridge's patch port), of those {@code ofports} numbers, in the
     * plan's order; a port whose patch port has no number yet is left out.
     */
    public static Map<String, Long> patchOfports(GatewayPlan plan, Map<String, Long> ofports) {
        Map<String, Long> byPort = new LinkedHashMap<>();
        for (ServedPort port : plan.servedPorts()) {
            Long ofport = ofports.get(port.integrationPatch());
            if (ofport != null && ofport > 0) {
                byPort.put(port.logicalPort(), ofport);
            }
        }
        return byPort;
    }

    /** The br-int side of the patch pair to {@code bridge}. */
    public static String integrationPatch(String bridge) {
        return "patch-br-int-to-" + bridge;
    }

    /** The {@code bridge} side of its patch pair to br-int. */
    public static String bridgePatch(String bridge) {
        return "patch-" + bridge + "-to-br-int";
    }

    /** A Geneve tunnel to another chassis; {@code peer} when that chassis is a fellow gateway (BFD runs on it). */
    public record TunnelPort(String chassis, String remoteIp, boolean peer) {
        public TunnelPort(String chassis, String remoteIp) {
            this(chassis, remoteIp, false);
        }

        /**
         * A deterministic name that fits the 15 characters of a kernel interface name whatever the chassis
         * name's length: {@code l2gw-} and the CRC-32 of the chassis name in hex.
         */
        public String portName() {
            CRC32 crc = new CRC32();
            crc.update(chassis.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return String.format("l2gw-%08x", crc.getValue());
        }
    }

    /** An l2gateway port bound here that cannot be served, and why (for the log and for status). */
    public record PortProblem(String logicalPort, String network, String message) {
    }
}
