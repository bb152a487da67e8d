package org.ovnl2gw.operator.ovn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ovnl2gw.contract.Ownership;
import org.ovnl2gw.contract.PortOptions;
import org.ovnl2gw.ovsdb.ClientOptions;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.OvsdbTransactionException;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.TransactResult;
import org.ovnl2gw.ovsdb.Uuid;

/**
 * {@link NorthboundClient} over an {@link OvsdbSession}. It monitors logical switch names and membership, and
 * only l2gateway ports (the server filters), so its cache stays small in a large cluster.
 *
 * <p>Creating a port guards against a row of that name we have not seen yet (a {@code wait} that fails when
 * one exists), so a lagging cache or a restarted operator can never add a duplicate.
 */
public final class OvsdbNorthboundClient extends SessionBackedClient implements NorthboundClient {
    private static final Logger LOG = Logger.getLogger(OvsdbNorthboundClient.class.getName());
    static final String SWITCH = "Logical_Switch";
    static final String PORT = "Logical_Switch_Port";

    private OvsdbNorthboundClient(String remote, ClientOptions options, Duration timeout) {
        super(remote, "OVN_Northbound", monitorSpec(), options, timeout);
    }

    /** What the operator monitors in OVN_Northbound. */
    public static org.ovnl2gw.ovsdb.MonitorSpec monitorSpec() {
        return org.ovnl2gw.ovsdb.MonitorSpec.builder()
                .table(SWITCH, "name", "ports")
                .table(PORT, "name", "type", "addresses", "options", "tag_request", "external_ids")
                .where(PORT, Condition.equalTo("type", PortOptions.TYPE))
                .build();
    }

    /** Connects (in the background) to {@code remote} ({@code unix:}, {@code tcp:}, {@code ssl:}, comma-separated). */
    public static OvsdbNorthboundClient connect(String remote, Duration transactTimeout) {
        return connect(remote, transactTimeout, ClientOptions.defaults());
    }

    /** As above, with connection settings (the key files of {@code ssl:} remotes, probes). */
    public static OvsdbNorthboundClient connect(String remote, Duration transactTimeout, ClientOptions options) {
        return new OvsdbNorthboundClient(remote, options, transactTimeout);
    }

    @Override
    public int logicalSwitchCount(String name) {
        return switchesNamed(name).size();
    }

    private List<Row> switchesNamed(String name) {
        return session.cache().table(SWITCH).findBy("name", name);
    }

    @Override
    public Optional<GatewayPort> gatewayPort(String portName) {
        return portRow(portName).map(this::toPort);
    }

    private Optional<Row> portRow(String portName) {
        List<Row> rows = session.cache().table(PORT).findBy("name", portName);
        // Two rows of one name can only come from someone else; prefer ours so we keep managing it.
        return rows.stream().filter(r -> OwnershipMark.isOurs(r.getStringMap("external_ids"))).findFirst()
                .or(() -> rows.stream().findFirst());
    }

    @Override
    public List<GatewayPort> ownedPorts() {
        return session.cache().table(PORT).rows().stream()
                .filter(r -> OwnershipMark.isOurs(r.getStringMap("external_ids")))
                .map(this::toPort).toList();
    }

    private GatewayPort toPort(Row row) {
        Map<String, String> ids = row.getStringMap("external_ids");
        Map<String, String> options = row.getStringMap("options");
        Optional<String> owner = OwnershipMark.isOurs(ids) ? Optional.of(ids.get(Ownership.RESOURCE_KEY)) : Optional.empty();
        Integer vlan = row.getOptionalLong("tag_request").map(Long::intValue).orElse(null);
        String switchName = switchHolding(row.uuid()).map(s -> s.getString("name")).orElse(null);
        return new GatewayPort(row.getString("name"), row.getString("type"),
                row.getStringSet("addresses").equals(Set.of("unknown")), switchName,
                options.get(PortOptions.NETWORK_NAME), vlan, options.get(PortOptions.L2GATEWAY_CHASSIS), owner,
                options.getOrDefault(PortOptions.CANDIDATES, ""));
    }

    // through the cache's index of ports' elements: a scan of every switch for each port read was a fifth of the
    // reconcilers' time under a burst of 1,000 L2Gateways on 1,000 switches
    private Optional<Row> switchHolding(Uuid port) {
        return session.cache().table(SWITCH).findBy("ports", port).stream().findFirst();
    }

    @Override
    public ApplyResult ensureGatewayPort(DesiredGatewayPort desired) {
        requireConnected();
        // The caller decided from this cache that the switch is unique and the port absent or ours (the
        // L2Gateway's status says so when not); the transactions below hold the server to the same facts.
        Uuid targetSwitch = switchesNamed(desired.logicalSwitch()).stream().findFirst().map(Row::uuid)
                .orElseThrow(() -> new OvnUnavailableException("logical switch " + desired.logicalSwitch()
                        + " is gone; cannot add " + desired.portName()));
        Optional<Row> existing = portRow(desired.portName());
        if (existing.isEmpty()) {
            return create(desired, targetSwitch);
        }
        GatewayPort current = toPort(existing.get());
        if (desired.matches(current)) {
            LOG.fine(() -> "desired " + desired + ", current " + current + " -> noop");
            return ApplyResult.NOOP;
        }
        return update(desired, current, existing.get().uuid(), targetSwitch);
    }

    private ApplyResult create(DesiredGatewayPort desired, Uuid targetSwitch) {
        Operation.Insert insert = Operations.insert(PORT).uuidName("gwport")
                .set("name", desired.portName()).set("type", PortOptions.TYPE).set("addresses", Set.of("unknown"))
                .set("options", options(desired)).set("tag_request", tag(desired))
                .set("external_ids", OwnershipMark.externalIds(desired.resourceName()));
        List<Operation> ops = List.of(
                // fails at once if a row of this name exists that our cache has not shown us yet
                Operations.waitFor(PORT).where(Condition.equalTo("name", desired.portName()))
                        .columns("name").untilEqual().timeout(Duration.ZERO),
                insert,
                Operations.mutate(SWITCH).where(Condition.uuidEquals(targetSwitch))
                        .insert("ports", Set.of(insert.namedUuid())));
        try {
            transact("create l2gateway port " + desired.portName() + " for L2Gateway " + desired.resourceName(), ops);
        } catch (OvnUnavailableException e) {
            if (e.getCause() instanceof OvsdbTransactionException t && "timed out".equals(t.error())) {
                // the wait saw a row we have not: ours (cache lag, next reconcile adopts it) or someone else's
                throw new OvnUnavailableException("a port named " + desired.portName()
                        + " already exists; waiting for it to show up in the cache", e);
            }
            throw e;
        }
        LOG.info(() -> "desired " + desired + ", current none -> created");
        return ApplyResult.CREATED;
    }

    private ApplyResult update(DesiredGatewayPort desired, GatewayPort current, Uuid port, Uuid targetSwitch) {
        List<Operation> ops = new ArrayList<>();
        // only while the row still carries our mark: a port someone else took meanwhile is left alone
        ops.add(Operations.update(PORT).where(Condition.uuidEquals(port),
                        Condition.includes("external_ids", OwnershipMark.externalIds(desired.resourceName())))
                .set("type", PortOptions.TYPE).set("addresses", Set.of("unknown"))
                .set("options", options(desired)).set("tag_request", tag(desired))
                .set("external_ids", OwnershipMark.externalIds(desired.resourceName())));
        if (!desired.logicalSwitch().equals(current.logicalSwitch())) {
            // move the reference: the row (non-root) stays alive because the new switch holds it
            ops.add(Operations.mutate(SWITCH).where(Condition.includes("ports", Set.of(port)))
                    .delete("ports", Set.of(port)));
            ops.add(Operations.mutate(SWITCH).where(Condition.uuidEquals(targetSwitch))
                    .insert("ports", Set.of(port)));
        }
        if (transact("update l2gateway port " + desired.portName() + " for L2Gateway " + desired.resourceName(), ops)
                .count(0) == 0) {
            throw new PortNameTakenException(desired.portName());
        }
        LOG.info(() -> "desired " + desired + ", current " + current + " -> updated");
        return ApplyResult.UPDATED;
    }

    @Override
    public ApplyResult deleteGatewayPort(String resourceName) {
        requireConnected();
        String name = OwnershipMark.portName(resourceName);
        List<Row> ours = session.cache().table(PORT).findBy("name", name).stream()
                .filter(r -> resourceName.equals(r.getStringMap("external_ids").get(Ownership.RESOURCE_KEY))
                        && OwnershipMark.isOurs(r.getStringMap("external_ids")))
                .toList();
        if (ours.isEmpty()) {
            LOG.fine(() -> "desired no port " + name + ", current none -> noop");
            return ApplyResult.NOOP;
        }
        List<Operation> ops = new ArrayList<>();
        for (Row row : ours) {
            // unreferenced Logical_Switch_Port rows are garbage-collected by ovsdb-server
            ops.add(Operations.mutate(SWITCH).where(Condition.includes("ports", Set.of(row.uuid())))
                    .delete("ports", Set.of(row.uuid())));
        }
        transact("delete l2gateway port " + name + " of L2Gateway " + resourceName, ops);
        LOG.info(() -> "desired no port " + name + ", current " + ours.size() + " row(s) -> deleted");
        return ApplyResult.DELETED;
    }

    private static Map<String, String> options(DesiredGatewayPort desired) {
        Map<String, String> options = new HashMap<>();
        options.put(PortOptions.NETWORK_NAME, desired.networkName());
        options.put(PortOptions.L2GATEWAY_CHASSIS, desired.chassisName());
        options.put(PortOptions.CANDIDATES, PortOptions.formatCandidates(desired.candidates()));
        return options;
    }

    private static Set<Long> tag(DesiredGatewayPort desired) {
        return desired.vlan() == null ? Set.of() : Set.of(desired.vlan().longValue());
    }

    private TransactResult transact(String comment, List<Operation> ops) {
        return OvsdbTransactions.run(session, "operator: " + comment, ops, timeout);
    }

    /** Turns cache changes into the few signals reconciles care about; runs on the session's event thread. */
    @Override
    protected void changed(Row before, Row after) {
        Row any = after != null ? after : before;
        if (SWITCH.equals(any.table())) {
            // membership changes are ours (port adds) and reach us as port changes; names matter here
            String oldName = before == null ? null : before.getString("name");
            String newName = after == null ? null : after.getString("name");
            if (!Objects.equals(oldName, newName)) {
                listeners.forEach(OvnChangeListener::logicalSwitchesChanged);
            }
        } else if (PORT.equals(any.table())) {
            String name = any.getString("name");
            listeners.forEach(l -> l.gatewayPortChanged(name));
        }
    }
}
