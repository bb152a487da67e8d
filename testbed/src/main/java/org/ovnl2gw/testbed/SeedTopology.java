package org.ovnl2gw.testbed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology of the seed change's test "3 HVs, 1 VIFs/HV, 1 software GW, 1 LS", with the gateway chassis
 * left to us: hv1 and hv2 run real ovn-controller with vif1/vif2 bound to lp1/lp2 of logical switch
 * {@code lsw0}; each gateway host runs only OVS (our node agent is its chassis) with {@code br-phys} on
 * the transport network n1 and {@code br-phys2} on the physical network n2; hv3 sits on n2 with vif3
 * (and vif4, an access port on another VLAN, for the "other VLAN stays out" case).
 *
 * <p>The l2gateway logical port itself is not created here: a test creates it by hand or through the
 * operator.
 */
public final class SeedTopology {
    public static final String SWITCH = "lsw0";
    public static final String NETWORK = "physnet1";
    public static final String PHYSICAL_BRIDGE = "br-phys2";
    public static final String TRANSPORT_BRIDGE = "br-phys";
    public static final int OTHER_VLAN = 200;

    /**
     * How to lay the topology out. The seed's names are the default; the sandbox names things as a cluster
     * would, and lets BridgeMappings create the physical bridge ({@code attachPhysical=false}: the
     * gateway's physical bridge is attached to the physical network later, once it exists).
     */
    public record Layout(String switchName, List<String> gatewayNames, String physicalBridge,
                         boolean presetMappings, boolean attachPhysical) {
        public static Layout seed(List<String> gatewayNames, boolean presetMappings) {
            return new Layout(SWITCH, gatewayNames, PHYSICAL_BRIDGE, presetMappings, true);
        }
    }

    private final Testbed testbed;
    private final Layout layout;
    private final OvnCentral central;
    private final Network transport;
    private final Network physical;
    private final Map<String, OvsHost> gateways = new LinkedHashMap<>();
    private final Map<String, String> encapIps = new LinkedHashMap<>();
    private final List<OvsHost> hypervisors = new ArrayList<>();
    private OvsHost hv3;

    private SeedTopology(Testbed testbed, Layout layout, OvnCentral central, Network transport, Network physical) {
        this.testbed = testbed;
        this.layout = layout;
        this.central = central;
        this.transport = transport;
        this.physical = physical;
    }

    /**
     * Builds the topology with the given gateway hosts (e.g. {@code hv_gw}); with {@code presetMappings}
     * each gateway's {@code ovn-bridge-mappings} says {@code physnet1:br-phys2} as in the seed test.
     */
    public static SeedTopology build(Testbed testbed, List<String> gatewayNames, boolean presetMappings) {
        return build(testbed, Layout.seed(gatewayNames, presetMappings));
    }

    public static SeedTopology build(Testbed testbed, Layout layout) {
        // a test that needs OVN central started its own way (e.g. with SouthboundRbac) starts it first
        OvnCentral central = testbed.central() != null ? testbed.central() : testbed.startCentral();
        String sw = layout.switchName();
        central.nbctl("ls-add", sw);
        central.nbctl("lsp-add", sw, "lp1", "--", "lsp-set-addresses", "lp1", "f0:00:00:00:00:01");
        central.nbctl("lsp-add", sw, "lp2", "--", "lsp-set-addresses", "lp2", "f0:00:00:00:00:02");
        SeedTopology topology = new SeedTopology(testbed, layout, central, testbed.addNetwork("n1"),
                testbed.addNetwork("n2"));
        topology.addHypervisor(1);
        topology.addHypervisor(2);
        int address = 3;
        for (String name : layout.gatewayNames()) {
            topology.addGateway(name, "192.168.0." + address++, layout.presetMappings());
        }
        topology.addPhysicalHost();
        testbed.populateArp();
        return topology;
    }

    private void addHypervisor(int n) {
        OvsHost hv = testbed.addHost("hv" + n);
        hv.vsctl("add-br", TRANSPORT_BRIDGE);
        String ip = "192.168.0." + n;
        transport.attachTransport(hv, TRANSPORT_BRIDGE, ip);
        configureChassis(hv, ip);
        hv.startOvnController();
        String vif = "vif" + n;
        hv.vsctl("add-port", "br-int", vif, "--", "set", "Interface", vif, "external-ids:iface-id=lp" + n,
                "options:tx_pcap=" + hv.rundir().resolve(vif + "-tx.pcap"),
                "options:rxq_pcap=" + hv.rundir().resolve(vif + "-rx.pcap"), "ofport-request=1");
        hypervisors.add(hv);
    }

    private void configureChassis(OvsHost host, String encapIp) {
        host.vsctl("--", "set", "Open_vSwitch", ".", "external-ids:hostname=" + host.name(),
                "--", "set", "Open_vSwitch", ".", "external-ids:system-id=" + host.name(),
                "--", "set", "Open_vSwitch", ".", "external-ids:ovn-remote=" + central.sbRemote(),
                "--", "set", "Open_vSwitch", ".", "external-ids:ovn-encap-type=geneve",
                "--", "set", "Open_vSwitch", ".", "external-ids:ovn-encap-ip=" + encapIp,
                "--", "--may-exist", "add-br", "br-int",
                "--", "set", "bridge", "br-int", "fail-mode=secure", "other-config:disable-in-band=true");
    }

    /** A gateway host: OVS only, configured as ovn-controller would be, for our node agent to serve. */
    public OvsHost addGateway(String name, String encapIp, boolean presetMappings) {
        OvsHost gw = testbed.addHost(name);
        gw.vsctl("add-br", TRANSPORT_BRIDGE);
        transport.attachTransport(gw, TRANSPORT_BRIDGE, encapIp);
        configureChassis(gw, encapIp);
        if (layout.attachPhysical()) {
            gw.vsctl("--may-exist", "add-br", layout.physicalBridge());
            physical.attach(gw, layout.physicalBridge());
        }
        if (presetMappings) {
            gw.vsctl("set", "Open_vSwitch", ".",
                    "external-ids:ovn-bridge-mappings=" + NETWORK + ":" + layout.physicalBridge());
        }
        gateways.put(name, gw);
        encapIps.put(name, encapIp);
        return gw;
    }

    private void addPhysicalHost() {
        hv3 = testbed.addHost("hv3");
        hv3.vsctl("add-br", "br-phys");
        physical.attach(hv3, "br-phys");
        for (String vif : List.of("vif3", "vif4")) {
            hv3.vsctl("add-port", "br-phys", vif, "--", "set", "Interface", vif,
                    "options:tx_pcap=" + hv3.rundir().resolve(vif + "-tx.pcap"),
                    "options:rxq_pcap=" + hv3.rundir().resolve(vif + "-rx.pcap"));
        }
        hv3.vsctl("set", "Port", "vif4", "tag=" + OTHER_VLAN);
    }

    /** Attaches a gateway's physical bridge (which must exist by now) to the physical network. */
    public void attachPhysical(String gatewayName) {
        physical.attach(gateways.get(gatewayName), layout.physicalBridge());
    }

    public String physicalBridge() {
        return layout.physicalBridge();
    }

    public String switchName() {
        return layout.switchName();
    }

    /** Puts vif3 on an access VLAN (or back to untagged with {@code 0}), as the seed's VLAN variant needs. */
    public void setPhysicalHostVlan(int vlan) {
        if (vlan == 0) {
            hv3.vsctl("clear", "Port", "vif3", "tag");
        } else {
            hv3.vsctl("set", "Port", "vif3", "tag=" + vlan);
        }
    }

    /** Creates the l2gateway port by hand, as the seed test does with ovn-nbctl. */
    public void addGatewayPortByHand(String port, String chassisOption) {
        central.nbctl("lsp-add", layout.switchName(), port, "--", "lsp-set-type", port, "l2gateway",
                "--", "lsp-set-addresses", port, "unknown");
        if (chassisOption == null) {
            central.nbctl("lsp-set-options", port, "network_name=" + NETWORK);
        } else {
            central.nbctl("lsp-set-options", port, "network_name=" + NETWORK, "l2gateway-chassis=" + chassisOption);
        }
    }

    public Testbed testbed() {
        return testbed;
    }

    public OvnCentral central() {
        return central;
    }

    public Network transport() {
        return transport;
    }

    public Network physical() {
        return physical;
    }

    public OvsHost hypervisor(int n) {
        return n == 3 ? hv3 : hypervisors.get(n - 1);
    }

    public OvsHost gateway(String name) {
        return gateways.get(name);
    }

    public List<OvsHost> gateways() {
        return List.copyOf(gateways.values());
    }

    public String encapIp(String gatewayName) {
        return encapIps.get(gatewayName);
    }
}
