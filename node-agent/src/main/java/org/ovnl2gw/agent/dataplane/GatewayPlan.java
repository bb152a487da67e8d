package org.ovnl2gw.agent.dataplane;

import java.util.List;
import java.util.zip.CRC32;

/**
 * What this chassis must provide: the l2gateway ports it serves (each a patch port pair between br-int and
 * the mapped bridge, and flows), the ports it stands by for (the same patch ports, kept ready, and no flows),
 * the Geneve tunnels to the other chassis (with BFD to the peer gateways), and the ports it cannot serve with
 * why.
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

        /** The br-int side of the patch pair (the seed's naming). */
        public String integrationPatch() {
            return "patch-br-int-to-" + logicalPort;
        }

        /** The physical bridge side of the patch pair. */
        public String bridgePatch() {
            return "patch-" + logicalPort + "-to-br-int";
        }
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
