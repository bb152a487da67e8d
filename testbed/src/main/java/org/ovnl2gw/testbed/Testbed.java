package org.ovnl2gw.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One private world of simulated hosts and networks below a fresh temporary directory. Closing it stops
 * every daemon it started (by pid) and removes the directory unless {@code -Dtestbed.keep=true}.
 */
public final class Testbed implements AutoCloseable {
    private final Path baseDir;
    private final Map<String, OvsHost> hosts = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final List<TransportAddress> transportAddresses = new ArrayList<>();
    private OvsHost main;
    private OvnCentral central;

    private Testbed(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** A testbed in a new directory below {@code java.io.tmpdir} (short, since unix socket paths are limited). */
    public static Testbed create(String prefix) {
        try {
            return new Testbed(Files.createTempDirectory(Path.of("/tmp"), prefix));
        } catch (IOException e) {
            throw new TestbedException("cannot create a testbed directory", e);
        }
    }

    public static Testbed in(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new TestbedException("cannot create " + baseDir, e);
        }
        return new Testbed(baseDir);
    }

    public Path baseDir() {
        return baseDir;
    }

    public OvnCentral startCentral() {
        return startCentral(List.of());
    }

    /** Starts OVN central with more options for its Southbound ovsdb-server (see {@link SouthboundRbac}). */
    public OvnCentral startCentral(List<String> southboundArgs) {
        central = OvnCentral.start(baseDir, southboundArgs);
        return central;
    }

    public OvnCentral central() {
        return central;
    }

    public OvsHost addHost(String name, OvsHost.DummyMode mode) {
        OvsHost host = OvsHost.start(baseDir, name, mode);
        hosts.put(name, host);
        return host;
    }

    public OvsHost addHost(String name) {
        return addHost(name, OvsHost.DummyMode.SYSTEM);
    }

    public OvsHost host(String name) {
        return hosts.get(name);
    }

    /** A network (OVS's {@code net_add}): a bridge on the hidden host "main" that hosts attach to. */
    public Network addNetwork(String name) {
        if (main == null) {
            main = OvsHost.start(baseDir, "main", OvsHost.DummyMode.SYSTEM);
        }
        main.vsctl("add-br", name);
        Network network = new Network(name, main, this);
        networks.put(name, network);
        return network;
    }

    public Network network(String name) {
        return networks.get(name);
    }

    void recordTransportAddress(OvsHost host, String bridge, String ip) {
        String mac = host.vsctl("get", "Interface", bridge, "mac_in_use").strip().replace("\"", "");
        transportAddresses.add(new TransportAddress(host, bridge, ip, mac));
    }

    /**
     * Pre-populates every host's tunnel neighbour table with every other host's transport address
     * ({@code ovn_populate_arp}): native tunnelling drops packets while it resolves ARP.
     */
    public void populateArp() {
        for (TransportAddress target : transportAddresses) {
            for (TransportAddress from : transportAddresses) {
                if (from.host() != target.host() || !from.bridge().equals(target.bridge())) {
                    from.host().appctl("tnl/neigh/set", from.bridge(), target.ip(), target.mac());
                }
            }
        }
    }

    /**
     * Gives {@code host}'s transport bridge another address in the same /24, as an admin renumbering a
     * node's tunnel endpoint would: the dummy netdev takes the new address, the subnet route is added again
     * so tunnels leave with the new source address, and every host's neighbour table learns it.
     */
    public void moveTransportAddress(OvsHost host, String bridge, String newIp) {
        TransportAddress old = transportAddresses.stream().filter(a -> a.host() == host && a.bridge().equals(bridge))
                .findFirst().orElseThrow(() -> new TestbedException(host + " has no transport address on " + bridge));
        transportAddresses.set(transportAddresses.indexOf(old), new TransportAddress(host, bridge, newIp, old.mac()));
        host.appctl("netdev-dummy/ip4addr", bridge, newIp + "/24");
        host.appctl("ovs/route/add", newIp + "/24", bridge);
        populateArp();
    }

    /**
     * Gives {@code host} its transport configuration back after its ovs-vswitchd restarted: the dummy
     * datapath forgets the tunnel endpoint addresses, routes and neighbour entries it was given at
     * runtime, and the bridge would come back with another MAC address, which the other hosts' neighbour
     * entries no longer match. Pins each transport bridge to the MAC it had ({@code other-config:hwaddr}),
     * re-adds the addresses and routes, and repopulates every host's neighbour table.
     */
    public void restoreTransport(OvsHost host) {
        for (TransportAddress a : transportAddresses) {
            if (a.host() == host) {
                host.vsctl("set", "Bridge", a.bridge(), "other-config:hwaddr=\"" + a.mac() + "\"");
                host.appctl("netdev-dummy/ip4addr", a.bridge(), a.ip() + "/24");
                host.appctl("ovs/route/add", a.ip() + "/24", a.bridge());
            }
        }
        populateArp();
    }

    @Override
    public void close() {
        List<OvsHost> all = new ArrayList<>(hosts.values());
        java.util.Collections.reverse(all);
        for (OvsHost host : all) {
            safely(host::close);
        }
        if (main != null) {
            safely(main::close);
        }
        if (central != null) {
            safely(central::close);
        }
        if (!Boolean.getBoolean("testbed.keep")) {
            deleteTree(baseDir);
        }
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.err.println("testbed: teardown step failed: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("testbed: could not remove " + dir + ": " + e.getMessage());
        }
    }

    private record TransportAddress(OvsHost host, String bridge, String ip, String mac) {
    }
}
