package org.ovnl2gw.agent.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * The benchmark's Northbound writes, each one transaction sent from this process (no ovn-nbctl to start, so
 * the clock measures the database and the chassis, not a fork): what the operator writes for an L2Gateway,
 * {@code type=l2gateway}, {@code options:network_name}, {@code options:l2gateway-chassis}, a
 * {@code tag_request} for a VLAN.
 */
final class Northbound implements AutoCloseable {
    private static final String SWITCH = "Logical_Switch";
    private static final String PORT = "Logical_Switch_Port";
    /** The operator's key for the candidates (active first), which ovn-northd copies to the Southbound DB. */
    private static final String CANDIDATES = "ovn-l2gw-candidates";

    /** One l2gateway port to create: its switch, name and VLAN (0: untagged). */
    record GatewayPort(String switchName, String name, int vlan) {
    }

    private final OvsdbSession session;
    private final String network;

    private Northbound(OvsdbSession session, String network) {
        this.session = session;
        this.network = network;
    }

    static Northbound connect(String remote, String network) throws InterruptedException {
        OvsdbSession session = OvsdbSession.builder(OvsdbRemote.parse(remote), "OVN_Northbound")
                .monitor(MonitorSpec.builder().table(SWITCH, "name").table(PORT, "name").build()).start();
        if (!session.awaitConnected(Duration.ofSeconds(20))) {
            session.close();
            throw new IllegalStateException("cannot connect to the Northbound DB at " + remote);
        }
        return new Northbound(session, network);
    }

    /** The options of an l2gateway port served by {@code chassis} (none: unbound), {@code standby} after it. */
    Map<String, String> options(Optional<String> chassis, Optional<String> standby) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("network_name", network);
        chassis.ifPresent(c -> {
            options.put("l2gateway-chassis", c);
            standby.ifPresent(s -> options.put(CANDIDATES, c + "," + s));
        });
        return options;
    }

    /** Creates logical switches, each with the VIF ports given for it ({@code name -> MAC}). */
    void createSwitches(Map<String, Map<String, String>> switchVifs) {
        List<Operation> ops = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Map<String, String>> sw : switchVifs.entrySet()) {
            Set<Object> ports = new java.util.HashSet<>();
            for (Map.Entry<String, String> vif : sw.getValue().entrySet()) {
                Operation.Insert insert = Operations.insert(PORT).uuidName("vif" + n++)
                        .set("name", vif.getKey()).set("addresses", Set.of(vif.getValue()));
                ops.add(insert);
                ports.add(insert.namedUuid());
            }
            ops.add(Operations.insert(SWITCH).set("name", sw.getKey()).set("ports", ports));
        }
        transact("bench: " + switchVifs.size() + " switches", ops);
    }

    /** Creates l2gateway ports bound by {@code options}, all in one transaction. */
    void createGatewayPorts(List<GatewayPort> ports, Map<String, String> options) {
        List<Operation> ops = new ArrayList<>();
        int n = 0;
        for (GatewayPort p : ports) {
            Operation.Insert insert = Operations.insert(PORT).uuidName("gw" + n++).set("name", p.name())
                    .set("type", "l2gateway").set("addresses", Set.of("unknown")).set("options", options)
                    .set("tag_request", p.vlan() == 0 ? Set.of() : Set.of((long) p.vlan()));
            ops.add(insert);
            ops.add(Operations.mutate(SWITCH).where(Condition.equalTo("name", p.switchName()))
                    .insert("ports", Set.of(insert.namedUuid())));
        }
        transact("bench: create " + ports.size() + " l2gateway ports", ops);
    }

    /** Deletes ports (by removing them from their switches; ovn-northd then drops their bindings). */
    void deletePorts(List<GatewayPort> ports) {
        List<Operation> ops = new ArrayList<>();
        for (GatewayPort p : ports) {
            Row row = session.cache().table(PORT).findOne("name", p.name())
                    .orElseThrow(() -> new IllegalStateException("no port " + p.name() + " to delete"));
            ops.add(Operations.mutate(SWITCH).where(Condition.equalTo("name", p.switchName()))
                    .delete("ports", Set.of(row.uuid())));
        }
        transact("bench: delete " + ports.size() + " l2gateway ports", ops);
    }

    private void transact(String comment, List<Operation> ops) {
        try {
            session.transact(comment, ops).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(comment + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
