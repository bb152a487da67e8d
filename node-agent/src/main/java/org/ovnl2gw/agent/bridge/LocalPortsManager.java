package org.ovnl2gw.agent.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ovnl2gw.agent.bridge.LocalSwitch.PortState;
import org.ovnl2gw.contract.OvsKeys;
import org.ovnl2gw.contract.Ownership;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbSession;

/**
 * Makes the ports of one owner on the local OVS match a desired list, in one transaction: creates what
 * is missing, updates what differs, deletes what carries the owner's mark and is no longer wanted. A port
 * of the same name that is not ours is never touched (reported as a conflict instead).
 */
public final class LocalPortsManager {
    private static final Logger LOG = Logger.getLogger(LocalPortsManager.class.getName());

    private final OvsdbSession ovs;
    private final LocalSwitch local;

    public LocalPortsManager(OvsdbSession ovs) {
        this.ovs = ovs;
        this.local = new LocalSwitch(ovs);
    }

    /** What one apply did; {@code conflicts} are desired names taken by ports that are not ours. */
    public record Result(List<String> created, List<String> updated, List<String> deleted, List<String> conflicts) {
        public boolean changedSomething() {
            return !created.isEmpty() || !updated.isEmpty() || !deleted.isEmpty();
        }
    }

    /** Ensures the integration bridge exists (created fail-mode secure and marked ours when it does not). */
    public CompletableFuture<Boolean> ensureIntegrationBridge(String name) {
        if (local.bridge(name).isPresent()) {
            return CompletableFuture.completedFuture(false);
        }
        LOG.info(() -> "desired bridge " + name + ", current none -> create");
        return ovs.transact("node-agent: create integration bridge " + name, NewBridge.operations("br", name,
                        Map.of("fail_mode", "secure"), Map.of("disable-in-band", "true"),
                        Map.of(Ownership.OWNER_KEY, Ownership.NODE_AGENT)))
                .thenApply(r -> true);
    }

    public CompletableFuture<Result> apply(String owner, List<PortSpec> desired) {
        return apply(owner, desired, true);
    }

    /**
     * As {@link #apply(String, List)} but deleting nothing: the gateway creates new ports before its flows and
     * deletes old ones only after the flows that used them are gone, so traffic stops at the flows, not later.
     */
    public CompletableFuture<Result> applyKeeping(String owner, List<PortSpec> desired) {
        return apply(owner, desired, false);
    }

    private CompletableFuture<Result> apply(String owner, List<PortSpec> desired, boolean deleteUnwanted) {
        Map<String, PortState> current = new HashMap<>();
        for (PortState port : local.ports()) {
            current.put(port.name(), port);
        }
        List<Operation> ops = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Set<String> desiredNames = desired.stream().map(PortSpec::name).collect(Collectors.toSet());
        int n = 0;
        for (PortSpec spec : desired) {
            Map<String, String> ids = new HashMap<>(spec.externalIds());
            ids.put(Ownership.OWNER_KEY, owner);
            PortState existing = current.get(spec.name());
            if (existing == null) {
                if (local.bridge(spec.bridge()).isEmpty()) {
                    continue; // the bridge is not there (yet): the planner reports why
                }
                Operation.Insert iface = Operations.insert("Interface").uuidName("i" + n)
                        .set("name", spec.name()).set("type", spec.type()).set("options", spec.options())
                        .set("external_ids", ids).set("bfd", spec.bfd());
                if (spec.ofportRequest() > 0) {
                    iface.set("ofport_request", spec.ofportRequest());
                }
                Operation.Insert port = Operations.insert("Port").uuidName("p" + n++)
                        .set("name", spec.name()).set("interfaces", Set.of(iface.namedUuid()))
                        .set("external_ids", ids);
                ops.add(iface);
                ops.add(port);
                ops.add(Operations.mutate("Bridge").where(Condition.equalTo("name", spec.bridge()))
                        .insert("ports", Set.of(port.namedUuid())));
                created.add(spec.name());
            } else if (!OvsKeys.ownedBy(existing.portExternalIds(), owner)) {
                conflicts.add(spec.name());
            } else if (!existing.bridge().equals(spec.bridge())) {
                // moved to another bridge: delete here, create on the next pass
                ops.add(Operations.mutate("Bridge").where(Condition.equalTo("name", existing.bridge()))
                        .delete("ports", Set.of(existing.port())));
                deleted.add(spec.name());
            } else if (!existing.type().equals(spec.type()) || !existing.options().equals(spec.options())
                    || !existing.portExternalIds().equals(ids) || !existing.bfd().equals(spec.bfd())) {
                ops.add(Operations.update("Interface").where(Condition.uuidEquals(existing.iface()))
                        .set("type", spec.type()).set("options", spec.options()).set("external_ids", ids)
                        .set("bfd", spec.bfd()));
                ops.add(Operations.update("Port").where(Condition.uuidEquals(existing.port()))
                        .set("external_ids", ids));
                updated.add(spec.name());
            }
        }
        for (PortState port : current.values()) {
            if (deleteUnwanted && OvsKeys.ownedBy(port.portExternalIds(), owner)
                    && !desiredNames.contains(port.name())) {
                ops.add(Operations.mutate("Bridge").where(Condition.equalTo("name", port.bridge()))
                        .delete("ports", Set.of(port.port())));
                deleted.add(port.name());
            }
        }
        Result result = new Result(created, updated, deleted, conflicts);
        if (!conflicts.isEmpty()) {
            LOG.warning(() -> "ports " + conflicts + " exist but are not ours (" + owner + "): left alone");
        }
        if (ops.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        // logged when the reply comes (on the connection's thread): not in the pass, whose flows come next
        return ovs.transact("node-agent: " + owner + " ports", ops).thenApply(r -> {
            LOG.info(() -> "desired " + desiredNames.size() + " " + owner + " ports -> create " + created + ", update "
                    + updated + ", delete " + deleted);
            return result;
        });
    }
}
