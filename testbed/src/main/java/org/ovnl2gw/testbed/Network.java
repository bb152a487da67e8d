package org.ovnl2gw.testbed;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A simulated L2 network: a bridge on the hidden host "main", to which host bridges attach through unix
 * stream sockets (OVS's {@code net_attach}). Each attachment records the frames crossing it in pcap files.
 */
public final class Network {
    private final String name;
    private final OvsHost main;
    private final Testbed testbed;

    Network(String name, OvsHost main, Testbed testbed) {
        this.name = name;
        this.main = main;
        this.testbed = testbed;
    }

    public String name() {
        return name;
    }

    /** Connects {@code bridge} on {@code host} to this network. */
    public void attach(OvsHost host, String bridge) {
        String port = attachmentPort(host, bridge);
        Path mainDir = main.rundir();
        main.vsctl("--", "add-port", name, port,
                "--", "set", "Interface", port,
                "options:pstream=punix:" + mainDir.resolve(port + ".sock"),
                "options:rxq_pcap=" + mainDir.resolve(port + "-rx.pcap"),
                "options:tx_pcap=" + mainDir.resolve(port + "-tx.pcap"));
        Path hostDir = host.rundir();
        String hostPort = bridge + "_" + name;
        host.vsctl("--", "set", "Interface", bridge,
                "options:tx_pcap=" + hostDir.resolve(bridge + "-tx.pcap"),
                "options:rxq_pcap=" + hostDir.resolve(bridge + "-rx.pcap"),
                "--", "add-port", bridge, hostPort,
                "--", "set", "Interface", hostPort,
                "options:stream=unix:" + mainDir.resolve(port + ".sock"),
                "options:rxq_pcap=" + hostDir.resolve(hostPort + "-rx.pcap"),
                "options:tx_pcap=" + hostDir.resolve(hostPort + "-tx.pcap"));
    }

    /** Connects {@code bridge} and gives it {@code ip}/24 for tunnel endpoints (the transport network). */
    public void attachTransport(OvsHost host, String bridge, String ip) {
        attach(host, bridge);
        testbed.recordTransportAddress(host, bridge, ip);
        host.appctl("netdev-dummy/ip4addr", bridge, ip + "/24");
        host.appctl("ovs/route/add", ip + "/24", bridge);
    }

    /**
     * Makes the network a hub: every frame goes out of every other attachment and no MAC is learned. For a
     * benchmark that moves a port between gateways faster than a learning switch forgets where a MAC was
     * (a gateway's announcements would pin the MAC behind the gateway that just let go of it).
     */
    public void floodEverything() {
        main.ofctl("add-flow", name, "priority=65535,actions=flood");
    }

    /** Frames the network received from {@code host}'s {@code bridge}. */
    public Path framesFrom(OvsHost host, String bridge) {
        return main.rundir().resolve(attachmentPort(host, bridge) + "-rx.pcap");
    }

    /** Frames the network sent to {@code host}'s {@code bridge}. */
    public Path framesTo(OvsHost host, String bridge) {
        return main.rundir().resolve(attachmentPort(host, bridge) + "-tx.pcap");
    }

    /** The network's own switch port that {@code host}'s {@code bridge} is attached through. */
    public String attachmentPortName(OvsHost host, String bridge) {
        return attachmentPort(host, bridge);
    }

    /** The network's learning table as {@code ovs-appctl fdb/show} prints it (port numbers), for messages. */
    public String fdb() {
        return main.appctl("fdb/show", name);
    }

    /**
     * Where the network's learning switch (OVS NORMAL on the hidden host) has learned {@code mac} on
     * {@code vlan}, as {@code ovs-appctl fdb/show} says: the name of the attachment port, or empty.
     */
    public Optional<String> learnedPort(String mac, int vlan) {
        for (String line : fdb().split("\n")) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length >= 3 && columns[2].equalsIgnoreCase(mac) && columns[1].equals(Integer.toString(vlan))) {
                return Optional.of(portName(columns[0]));
            }
        }
        return Optional.empty();
    }

    /** fdb/show prints ofport numbers, which are per bridge (and "main" carries every network's bridge). */
    private String portName(String port) {
        for (String candidate : main.vsctl("list-ports", name).split("\n")) {
            String p = candidate.strip();
            if (!p.isEmpty() && main.vsctl("get", "Interface", p, "ofport").strip().equals(port)) {
                return p;
            }
        }
        return port;
    }

    private static String attachmentPort(OvsHost host, String bridge) {
        return host.name() + "_" + bridge;
    }
}
