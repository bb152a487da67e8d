package org.ovnl2gw.agent.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ovnl2gw.ovsdb.DatabaseCache;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;

/**
 * A read-only view of the local Open_vSwitch database cache: the node's OVN configuration in the
 * {@code Open_vSwitch} row, and bridges with their ports and interfaces.
 */
public final class LocalSwitch {
    private final OvsdbSession session;

    public LocalSwitch(OvsdbSession session) {
        this.session = session;
    }

    /** The session's cache as of now (it is replaced when the session resyncs). */
    private DatabaseCache cache() {
        return session.cache();
    }

    /** A port with its (single) interface, on a bridge. */
    public record PortState(Uuid port, Uuid iface, String bridge, String name, String type,
                            Map<String, String> options, Map<String, String> portExternalIds, long ofport,
                            Map<String, String> bfd, Map<String, String> bfdStatus) {
    }

    public Optional<Row> openVSwitch() {
        return cache().rows("Open_vSwitch").stream().findFirst();
    }

    /** {@code Open_vSwitch:external_ids:<key>}. */
    public Optional<String> externalId(String key) {
        return openVSwitch().map(r -> r.getStringMap("external_ids").get(key)).filter(v -> !v.isBlank());
    }

    /** {@code Open_vSwitch:other_config}, where ovn-controller keeps its chassis index. */
    public Map<String, String> otherConfig() {
        return openVSwitch().filter(r -> r.has("other_config")).map(r -> r.getStringMap("other_config"))
                .orElse(Map.of());
    }

    public Map<String, String> externalIds() {
        return openVSwitch().map(r -> r.getStringMap("external_ids")).orElse(Map.of());
    }

    public Optional<Row> bridge(String name) {
        return cache().rows("Bridge").stream().filter(b -> b.getString("name").equals(name)).findFirst();
    }

    public Set<String> bridgeNames() {
        return cache().rows("Bridge").stream().map(b -> b.getString("name")).collect(Collectors.toSet());
    }

    /** Every port of every bridge, with its first interface's state (ofport -1 until assigned). */
    public List<PortState> ports() {
        List<PortState> ports = new ArrayList<>();
        for (Row bridge : cache().rows("Bridge")) {
            for (Uuid portId : bridge.getUuidSet("ports")) {
                Optional<Row> port = cache().get("Port", portId);
                if (port.isEmpty()) {
                    continue;
                }
                Optional<Row> iface = firstInterface(port.get());
                ports.add(new PortState(portId, iface.map(Row::uuid).orElse(null), bridge.getString("name"),
                        port.get().getString("name"), iface.map(i -> i.getString("type")).orElse(""),
                        iface.map(i -> i.getStringMap("options")).orElse(Map.of()),
                        port.get().getStringMap("external_ids"),
                        iface.flatMap(i -> i.getOptionalLong("ofport")).orElse(-1L),
                        iface.map(i -> i.getStringMap("bfd")).orElse(Map.of()),
                        iface.map(i -> i.getStringMap("bfd_status")).orElse(Map.of())));
            }
        }
        return ports;
    }

    /**
     * Every OpenFlow port number in use or asked for on one bridge: each interface's {@code ofport} and
     * {@code ofport_request}, whatever its port's owner.
     */
    public Set<Long> takenOfports(String bridge) {
        Set<Long> taken = new HashSet<>();
        bridge(bridge).ifPresent(b -> {
            for (Uuid portId : b.getUuidSet("ports")) {
                cache().get("Port", portId).ifPresent(port -> {
                    for (Uuid ifaceId : port.getUuidSet("interfaces")) {
                        cache().get("Interface", ifaceId).ifPresent(iface -> {
                            iface.getOptionalLong("ofport").filter(n -> n > 0).ifPresent(taken::add);
                            iface.getOptionalLong("ofport_request").filter(n -> n > 0).ifPresent(taken::add);
                        });
                    }
                });
            }
        });
        return taken;
    }

    /** OpenFlow port numbers of the interfaces on one bridge, by port name. */
    public Map<String, Long> ofports(String bridge) {
        Map<String, Long> ofports = new HashMap<>();
        // the bridge's own ports only, nothing else built: this runs in the pass between a claim and its flows
        Optional<Row> row = bridge(bridge);
        if (row.isEmpty()) {
            return ofports;
        }
        for (Uuid portId : row.get().getUuidSet("ports")) {
            Optional<Row> port = cache().get("Port", portId);
            if (port.isEmpty()) {
                continue;
            }
            long ofport = firstInterface(port.get()).flatMap(i -> i.getOptionalLong("ofport")).orElse(-1L);
            if (ofport > 0) {
                ofports.put(port.get().getString("name"), ofport);
            }
        }
        return ofports;
    }

    /** The port's interface that ports() and ofports() describe: its first one present in the cache. */
    private Optional<Row> firstInterface(Row port) {
        for (Uuid ifaceId : port.getUuidSet("interfaces")) {
            Optional<Row> iface = cache().get("Interface", ifaceId);
            if (iface.isPresent()) {
                return iface;
            }
        }
        return Optional.empty();
    }
}
