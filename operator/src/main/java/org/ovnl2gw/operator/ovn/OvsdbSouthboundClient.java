package org.ovnl2gw.operator.ovn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ovnl2gw.contract.BridgeMappings;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.PortOptions;
import org.ovnl2gw.ovsdb.ClientOptions;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;

/**
 * {@link SouthboundClient} over an {@link OvsdbSession}, the operator's one Southbound session: chassis with
 * what the node agents publish (the {@link ChassisKeys} of the agent/operator contract) in {@code other_config}
 * or, beside ovn-controller, in {@code Chassis_Private}, their heartbeat, and the Port_Bindings of l2gateway
 * ports only.
 */
public final class OvsdbSouthboundClient extends SessionBackedClient implements SouthboundClient {
    private static final Logger LOG = Logger.getLogger(OvsdbSouthboundClient.class.getName());
    private static final String CHASSIS = "Chassis";
    private static final String CHASSIS_PRIVATE = "Chassis_Private";
    private static final String PORT_BINDING = "Port_Binding";
    private static final String ENCAP = "Encap";

    private OvsdbSouthboundClient(String remote, ClientOptions options, Duration timeout) {
        super(remote, "OVN_Southbound", monitorSpec(), options, timeout);
    }

    public static MonitorSpec monitorSpec() {
        return MonitorSpec.builder()
                .table(CHASSIS, "name", "other_config", "external_ids")
                .table(CHASSIS_PRIVATE, "name", "external_ids")
                .table(ENCAP, "chassis_name", "ip")
                .table(PORT_BINDING, "logical_port", "type", "chassis", "up", "options")
                .where(PORT_BINDING, Condition.equalTo("type", PortOptions.TYPE))
                .build();
    }

    public static OvsdbSouthboundClient connect(String remote, Duration transactTimeout) {
        return connect(remote, transactTimeout, ClientOptions.defaults());
    }

    /** As above, with connection settings (the key files of {@code ssl:} remotes, probes). */
    public static OvsdbSouthboundClient connect(String remote, Duration transactTimeout, ClientOptions options) {
        return new OvsdbSouthboundClient(remote, options, transactTimeout);
    }

    @Override
    public List<ChassisInfo> chassis() {
        Map<String, Map<String, String>> privateIds = new HashMap<>();
        for (Row p : session.cache().table(CHASSIS_PRIVATE).rows()) {
            privateIds.put(p.getString("name"), p.getStringMap("external_ids"));
        }
        return session.cache().table(CHASSIS).rows().stream()
                .map(c -> toChassis(c, privateIds.getOrDefault(c.getString("name"), Map.of()))).toList();
    }

    @Override
    public Map<String, Set<String>> encapIps() {
        Map<String, Set<String>> ips = new HashMap<>();
        for (Row e : session.cache().table(ENCAP).rows()) {
            ips.computeIfAbsent(e.getString("chassis_name"), k -> new HashSet<>()).add(e.getString("ip"));
        }
        return ips;
    }

    private static ChassisInfo toChassis(Row row, Map<String, String> privateIds) {
        return chassisInfo(row.getString("name"), row.getStringMap("other_config"), row.getStringMap("external_ids"),
                privateIds);
    }

    /** A chassis from its Chassis {@code other_config} and {@code external_ids} and its Chassis_Private ids. */
    static ChassisInfo chassisInfo(String name, Map<String, String> config, Map<String, String> externalIds,
                                   Map<String, String> privateIds) {
        boolean agent = ChassisKeys.registeredByAgent(externalIds);
        // beside ovn-controller, which rebuilds Chassis:other_config, the agent publishes in Chassis_Private
        boolean companion = !agent && ChassisKeys.companion(privateIds);
        String node = companion ? privateIds.getOrDefault(ChassisKeys.NODE, name)
                : config.getOrDefault(ChassisKeys.NODE, name);
        Set<String> networks = BridgeMappings.parse(config.get(ChassisKeys.BRIDGE_MAPPINGS)).networks();
        return new ChassisInfo(name, node, networks, agent,
                Optional.ofNullable(privateIds.get(ChassisKeys.HEARTBEAT)), companion);
    }

    @Override
    public List<ChassisPublication> agentPublications() {
        List<ChassisPublication> publications = new ArrayList<>();
        for (Row chassis : session.cache().table(CHASSIS).rows()) {
            publications.add(new ChassisPublication(chassis.getString("name"), chassis.getStringMap("other_config"),
                    chassis.getStringMap("external_ids")));
        }
        for (Row priv : session.cache().table(CHASSIS_PRIVATE).rows()) {
            Map<String, String> ids = priv.getStringMap("external_ids");
            if (ChassisKeys.companion(ids)) {
                publications.add(new ChassisPublication(priv.getString("name"), ids, ChassisKeys.agentMark()));
            }
        }
        return publications;
    }

    @Override
    public Optional<PortBindingState> portBinding(String logicalPort) {
        return bindingRow(logicalPort).map(this::toBinding);
    }

    private Optional<Row> bindingRow(String logicalPort) {
        return session.cache().table(PORT_BINDING).findBy("logical_port", logicalPort).stream().findFirst();
    }

    private PortBindingState toBinding(Row row) {
        Optional<String> chassis = row.getOptionalUuid("chassis")
                .flatMap(u -> session.cache().table(CHASSIS).get(u)).map(c -> c.getString("name"));
        return new PortBindingState(row.getString("logical_port"), chassis, row.getOptionalBoolean("up").orElse(false));
    }

    /** Whether a Chassis_Private change is a heartbeat and nothing else (the health monitor watches those). */
    static boolean onlyHeartbeat(Row before, Row after) {
        if (before == null || after == null) {
            return false;
        }
        Map<String, String> a = new HashMap<>(before.getStringMap("external_ids"));
        Map<String, String> b = new HashMap<>(after.getStringMap("external_ids"));
        a.remove(ChassisKeys.HEARTBEAT);
        b.remove(ChassisKeys.HEARTBEAT);
        return a.equals(b) && before.getString("name").equals(after.getString("name"));
    }

    /** Chassis changes re-check every gateway; a binding change re-checks its own. Event thread only. */
    @Override
    protected void changed(Row before, Row after) {
        Row row = after != null ? after : before;
        if (CHASSIS.equals(row.table()) || CHASSIS_PRIVATE.equals(row.table()) && !onlyHeartbeat(before, after)) {
            listeners.forEach(OvnChangeListener::chassisChanged);
        } else if (PORT_BINDING.equals(row.table())) {
            String port = row.getString("logical_port");
            listeners.forEach(l -> l.gatewayPortChanged(port));
        }
    }
}
