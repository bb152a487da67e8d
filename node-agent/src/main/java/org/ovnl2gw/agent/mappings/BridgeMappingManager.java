package org.ovnl2gw.agent.mappings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.ovnl2gw.agent.bridge.LocalPortsManager;
import org.ovnl2gw.agent.bridge.LocalSwitch.PortState;
import org.ovnl2gw.agent.bridge.LocalSwitch;
import org.ovnl2gw.agent.bridge.NewBridge;
import org.ovnl2gw.agent.bridge.PortSpec;
import org.ovnl2gw.agent.mappings.BridgeMappingPlanner.Entry;
import org.ovnl2gw.contract.BridgeMappings;
import org.ovnl2gw.contract.OvsKeys;
import org.ovnl2gw.contract.Ownership;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * Applies BridgeMapping entries to the local OVS: each mapped bridge exists (created and marked ours when it
 * did not), its uplink is attached (marked ours), and {@code ovn-bridge-mappings} holds our entries beside
 * everyone else's. What we added is remembered in {@code external_ids:ovn-l2gw-bridge-mappings}, so when a
 * mapping goes away exactly our entry, and the bridge and uplink port we created, are removed.
 */
public final class BridgeMappingManager {
    private static final Logger LOG = Logger.getLogger(BridgeMappingManager.class.getName());

    private final OvsdbSession ovs;
    private final LocalSwitch local;
    private final LocalPortsManager ports;

    public BridgeMappingManager(OvsdbSession ovs) {
        this.ovs = ovs;
        this.local = new LocalSwitch(ovs);
        this.ports = new LocalPortsManager(ovs);
    }

    /** The ovn-bridge-mappings entries someone else wrote (everything but what we recorded as ours). */
    public Map<String, String> othersMappings() {
        Map<String, String> others = new LinkedHashMap<>(BridgeMappings.parse(
                local.externalId(OvsKeys.BRIDGE_MAPPINGS).orElse("")).bridgeByNetwork());
        BridgeMappings ours = BridgeMappings.parse(local.externalId(OvsKeys.OUR_BRIDGE_MAPPINGS).orElse(""));
        ours.bridgeByNetwork().forEach((net, bridge) -> others.remove(net, bridge));
        return others;
    }

    /** Makes the local OVS match {@code entries}; completes with uplinks that could not be attached. */
    public CompletableFuture<Map<String, String>> apply(List<Entry> entries) {
        Map<String, String> uplinkProblems = new LinkedHashMap<>();
        List<Operation> ops = new ArrayList<>();
        Set<String> wantedBridges = new java.util.HashSet<>();
        int n = 0;
        for (Entry entry : entries) {
            wantedBridges.add(entry.bridge());
            if (local.bridge(entry.bridge()).isEmpty()) {
                Map<String, String> ids = Map.of(Ownership.OWNER_KEY, Ownership.BRIDGE_MAPPING);
                ops.addAll(NewBridge.operations("b" + n++, entry.bridge(), Map.of(), Map.of(), ids));
                LOG.info(() -> "desired bridge " + entry.bridge() + " for network " + entry.network()
                        + ", current none -> create");
            }
        }
        for (Row bridge : ovs.cache().rows("Bridge")) {
            String name = bridge.getString("name");
            if (OvsKeys.ownedBy(bridge.getStringMap("external_ids"), Ownership.BRIDGE_MAPPING)
                    && !wantedBridges.contains(name)) {
                ops.add(Operations.mutate("Open_vSwitch").whereAll().delete("bridges", Set.of(bridge.uuid())));
                LOG.info(() -> "bridge " + name + " is ours and no longer mapped -> delete");
            }
        }
        ops.addAll(mappingsUpdate(entries));
        List<PortSpec> uplinks = new ArrayList<>();
        Map<String, PortState> existing = new LinkedHashMap<>();
        local.ports().forEach(p -> existing.put(p.name(), p));
        for (Entry entry : entries) {
            if (entry.uplink() == null) {
                continue;
            }
            PortState port = existing.get(entry.uplink());
            boolean ours = port != null
                    && OvsKeys.ownedBy(port.portExternalIds(), Ownership.BRIDGE_MAPPING);
            if (port != null && !ours && !port.bridge().equals(entry.bridge())) {
                uplinkProblems.put(entry.network(), "uplink " + entry.uplink() + " is already attached to bridge "
                        + port.bridge() + " by someone else");
            } else if (port == null || ours) {
                uplinks.add(new PortSpec(entry.bridge(), entry.uplink(), "", Map.of(), Map.of()));
            }
        }
        CompletableFuture<?> first = ops.isEmpty() ? CompletableFuture.completedFuture(null)
                : ovs.transact("node-agent: bridge mappings", ops);
        return first.thenCompose(r -> ports.apply(Ownership.BRIDGE_MAPPING, uplinks))
                .thenApply(r -> uplinkProblems);
    }

    private List<Operation> mappingsUpdate(List<Entry> entries) {
        Map<String, String> merged = new LinkedHashMap<>(othersMappings());
        Map<String, String> ours = new LinkedHashMap<>();
        for (Entry entry : entries) {
            merged.put(entry.network(), entry.bridge());
            ours.put(entry.network(), entry.bridge());
        }
        String mappings = new BridgeMappings(merged).format();
        String oursText = new BridgeMappings(ours).format();
        if (mappings.equals(local.externalId(OvsKeys.BRIDGE_MAPPINGS).orElse(""))
                && oursText.equals(local.externalId(OvsKeys.OUR_BRIDGE_MAPPINGS).orElse(""))) {
            return List.of();
        }
        LOG.info(() -> "desired ovn-bridge-mappings " + mappings + " (ours: " + oursText + "), current "
                + local.externalId(OvsKeys.BRIDGE_MAPPINGS).orElse("") + " -> update");
        Map<String, String> set = new LinkedHashMap<>();
        if (!mappings.isEmpty()) {
            set.put(OvsKeys.BRIDGE_MAPPINGS, mappings);
        }
        if (!oursText.isEmpty()) {
            set.put(OvsKeys.OUR_BRIDGE_MAPPINGS, oursText);
        }
        List<Operation> ops = new ArrayList<>();
        // mutate, not update: keys others write concurrently in external_ids are kept
        ops.add(Operations.mutate("Open_vSwitch").whereAll().delete("external_ids",
                Set.of(OvsKeys.BRIDGE_MAPPINGS, OvsKeys.OUR_BRIDGE_MAPPINGS)));
        if (!set.isEmpty()) {
            ops.add(Operations.mutate("Open_vSwitch").whereAll().insert("external_ids", set));
        }
        return ops;
    }
}
