package org.ovnl2gw.agent.dataplane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ovnl2gw.agent.dataplane.SouthboundView;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.MulticastGroup;
import org.ovnl2gw.agent.dataplane.SouthboundView.RemoteChassis;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.Ownership;
import org.ovnl2gw.contract.PortOptions;
import org.ovnl2gw.ovsdb.DatabaseCache;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;

/** Reads the Southbound cache into a {@link SouthboundView}: names instead of row references. */
public final class SouthboundReader {
    private static final Pattern MAC = Pattern.compile("(?i)^([0-9a-f]{2}:){5}[0-9a-f]{2}$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3}\\.){3}\\d{1,3}$");

    /** The Southbound tables and columns the agent monitors. */
    public static MonitorSpec monitorSpec() {
        return MonitorSpec.builder()
                .table("SB_Global", "nb_cfg")
                .table("Chassis", "name", "hostname", "encaps", "external_ids", "other_config")
                .table("Encap", "type", "ip", "options", "chassis_name")
                .table("Chassis_Private", "name", "chassis", "nb_cfg", "nb_cfg_timestamp", "external_ids")
                .table("Datapath_Binding", "tunnel_key", "external_ids")
                .table("Port_Binding", "logical_port", "type", "datapath", "tunnel_key", "chassis", "mac", "options",
                        "tag", "up")
                .table("Multicast_Group", "datapath", "name", "tunnel_key", "ports")
                .build();
    }

    private final DatabaseCache cache;

    public SouthboundReader(DatabaseCache cache) {
        this.cache = cache;
    }

    /** The view for the datapaths that have an l2gateway port bound to, or naming, {@code localChassis}. */
    public SouthboundView view(String localChassis) {
        Map<Uuid, String> chassisNames = new HashMap<>();
        Map<String, RemoteChassis> chassis = new HashMap<>();
        for (Row row : cache.rows("Chassis")) {
            String name = row.getString("name");
            chassisNames.put(row.uuid(), name);
            boolean ovnController = !Ownership.NODE_AGENT.equals(
                    row.getStringMap("external_ids").get(ChassisKeys.OWNER));
            geneveIp(row).ifPresent(ip -> chassis.put(name, new RemoteChassis(name, ip, ovnController)));
        }
        Set<Uuid> datapaths = new HashSet<>();
        for (Row pb : cache.rows("Port_Binding")) {
            if (PortOptions.TYPE.equals(pb.getString("type"))) {
                boolean boundHere = pb.getOptionalUuid("chassis").map(chassisNames::get)
                        .filter(localChassis::equals).isPresent();
                Map<String, String> options = pb.getStringMap("options");
                boolean namesUs = localChassis.equals(options.get(PortOptions.L2GATEWAY_CHASSIS))
                        || candidates(options).contains(localChassis);
                if (boundHere || namesUs) {
                    datapaths.add(pb.getUuid("datapath"));
                }
            }
        }
        Map<String, Long> datapathKeys = new HashMap<>();
        for (Uuid dp : datapaths) {
            cache.get("Datapath_Binding", dp).ifPresent(r -> datapathKeys.put(dp.toString(), r.getLong("tunnel_key")));
        }
        List<LogicalPort> ports = new ArrayList<>();
        Map<Uuid, String> portNames = new HashMap<>();
        for (Row pb : cache.rows("Port_Binding")) {
            if (!datapaths.contains(pb.getUuid("datapath"))) {
                continue;
            }
            portNames.put(pb.uuid(), pb.getString("logical_port"));
            Map<String, String> options = pb.getStringMap("options");
            ports.add(new LogicalPort(pb.getString("logical_port"), pb.getUuid("datapath").toString(),
                    pb.getLong("tunnel_key"), pb.getString("type"),
                    pb.getOptionalUuid("chassis").map(chassisNames::get), macs(pb),
                    Optional.ofNullable(options.get(PortOptions.NETWORK_NAME)),
                    Optional.ofNullable(options.get(PortOptions.L2GATEWAY_CHASSIS)),
                    pb.getOptionalLong("tag").map(Long::intValue).orElse(0), candidates(options), ipv4(pb)));
        }
        List<MulticastGroup> groups = new ArrayList<>();
        for (Row mc : cache.rows("Multicast_Group")) {
            if (datapaths.contains(mc.getUuid("datapath"))) {
                Set<String> members = new HashSet<>();
                for (Uuid member : mc.getUuidSet("ports")) {
                    Optional.ofNullable(portNames.get(member)).ifPresent(members::add);
                }
                groups.add(new MulticastGroup(mc.getUuid("datapath").toString(), mc.getString("name"),
                        mc.getLong("tunnel_key"), members));
            }
        }
        return new SouthboundView(localChassis, chassis, datapathKeys, ports, groups);
    }

    private Optional<String> geneveIp(Row chassis) {
        return chassis.getUuidSet("encaps").stream().map(e -> cache.get("Encap", e)).flatMap(Optional::stream)
                .filter(e -> "geneve".equals(e.getString("type"))).map(e -> e.getString("ip")).findFirst();
    }

    /** {@code options:ovn-l2gw-candidates}: the operator's ordered gateway chassis. */
    static List<String> candidates(Map<String, String> options) {
        return PortOptions.parseCandidates(options.get(PortOptions.CANDIDATES));
    }

    /** The first IPv4 address given with each MAC of the {@code mac} column ("MAC IP..."), by MAC. */
    static Map<String, String> ipv4(Row pb) {
        Map<String, String> ips = new HashMap<>();
        for (String entry : pb.getStringSet("mac")) {
            String[] words = entry.strip().split("\\s+");
            if (words.length > 1 && MAC.matcher(words[0]).matches()) {
                for (int i = 1; i < words.length; i++) {
                    String ip = words[i].split("/")[0];
                    if (IPV4.matcher(ip).matches()) {
                        ips.put(words[0].toLowerCase(), ip);
                        break;
                    }
                }
            }
        }
        return ips;
    }

    /** The Ethernet addresses of a binding's {@code mac} column ("MAC [IP...]" entries; others skipped). */
    static List<String> macs(Row pb) {
        List<String> macs = new ArrayList<>();
        for (String entry : pb.getStringSet("mac")) {
            String first = entry.strip().split("\\s+")[0];
            if (MAC.matcher(first).matches()) {
                macs.add(first.toLowerCase());
            }
        }
        macs.sort(null);
        return macs;
    }
}
