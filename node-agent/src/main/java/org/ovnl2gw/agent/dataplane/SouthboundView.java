package org.ovnl2gw.agent.dataplane;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the Southbound database the gateway data path depends on, as plain values (names instead of
 * row references), so planning needs no database.
 *
 * @param localChassis our chassis name
 * @param chassis     every chassis with a Geneve encapsulation, by name
 * @param datapaths   logical datapath tunnel keys, by datapath row id
 * @param ports       every port binding of the datapaths that have an l2gateway port
 * @param groups      the multicast groups of those datapaths
 */
public record SouthboundView(String localChassis, Map<String, RemoteChassis> chassis, Map<String, Long> datapaths,
                             List<LogicalPort> ports, List<MulticastGroup> groups) {

    public SouthboundView {
        chassis = Map.copyOf(chassis);
        datapaths = Map.copyOf(datapaths);
        ports = List.copyOf(ports);
        groups = List.copyOf(groups);
    }

    /**
     * A chassis and the IP of its Geneve encapsulation; {@code ovnController} when ovn-controller registered it
     * (no mark of our agent): a hypervisor, or a gateway whose l2gateway ports ovn-controller serves, which runs
     * no BFD with us and claims a port only when {@code options:l2gateway-chassis} names it.
     */
    public record RemoteChassis(String name, String encapIp, boolean ovnController) {
        public RemoteChassis(String name, String encapIp) {
            this(name, encapIp, false);
        }
    }

    /**
     * A Southbound port binding. {@code chassis} is the bound chassis' name or empty; {@code macs} the
     * Ethernet addresses from its {@code mac} column (other words such as "unknown" already dropped), and
     * {@code ipv4} the first IPv4 address of each of them where the column gives one (for gratuitous ARP).
     * {@code candidates} is the operator's ordered list of gateway chassis for an l2gateway port
     * ({@code options:ovn-l2gw-candidates}), empty when it has none.
     */
    public record LogicalPort(String name, String datapath, long tunnelKey, String type, Optional<String> chassis,
                              List<String> macs, Optional<String> networkName, Optional<String> l2gatewayChassis,
                              int tag, List<String> candidates, Map<String, String> ipv4) {
        public LogicalPort {
            macs = List.copyOf(macs);
            candidates = List.copyOf(candidates);
            ipv4 = Map.copyOf(ipv4);
        }

        public LogicalPort(String name, String datapath, long tunnelKey, String type, Optional<String> chassis,
                           List<String> macs, Optional<String> networkName, Optional<String> l2gatewayChassis,
                           int tag) {
            this(name, datapath, tunnelKey, type, chassis, macs, networkName, l2gatewayChassis, tag, List.of(),
                    Map.of());
        }

        public boolean isL2Gateway() {
            return "l2gateway".equals(type);
        }
    }

    /** A logical multicast group ({@code _MC_flood}, {@code _MC_unknown}, ...) and its member port names. */
    public record MulticastGroup(String datapath, String name, long tunnelKey, Set<String> ports) {
        public MulticastGroup {
            ports = Set.copyOf(ports);
        }
    }
}
