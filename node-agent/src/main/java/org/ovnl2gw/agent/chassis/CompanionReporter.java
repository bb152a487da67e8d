package org.ovnl2gw.agent.chassis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * What the agent publishes for a chassis ovn-controller registered: its keys in the {@code external_ids} of
 * ovn-controller's {@code Chassis_Private} row, the one column of those rows ovn-controller never writes
 * (OVN 23.03 sets only {@code name}, {@code chassis}, {@code nb_cfg} and {@code nb_cfg_timestamp} there;
 * {@code Chassis:other_config} is rebuilt by ovn-controller and newer releases delete keys they do not know).
 * Only our {@code ovn-l2gw-*} keys are touched, by OVSDB {@code mutate}, never a whole-map update, so nothing
 * ovn-controller or anyone else writes concurrently is lost. Keys ({@link ChassisKeys}): the mode = {@code companion}, the
 * heartbeat, the node name and the BridgeMapping results (the same keys as in our own Chassis row).
 */
public final class CompanionReporter {
    private static final Logger LOG = Logger.getLogger(CompanionReporter.class.getName());

    private final OvsdbSession sb;
    private long heartbeat = -1;

    public CompanionReporter(OvsdbSession sb) {
        this.sb = sb;
    }

    private Optional<Row> privateRow(String name) {
        return sb.cache().table("Chassis_Private").findOne("name", name);
    }

    /**
     * Makes our keys equal {@code published} plus the mode; completes with false when ovn-controller has not
     * registered the chassis yet (nothing to write into).
     */
    public CompletableFuture<Boolean> ensure(String name, Map<String, String> published) {
        Optional<Row> row = privateRow(name);
        if (row.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        Map<String, String> desired = new LinkedHashMap<>(published);
        desired.put(ChassisKeys.MODE, ChassisKeys.COMPANION);
        Map<String, String> current = row.get().getStringMap("external_ids");
        Map<String, String> changed = new LinkedHashMap<>();
        desired.forEach((k, v) -> {
            if (!v.equals(current.get(k))) {
                changed.put(k, v);
            }
        });
        Set<String> stale = new HashSet<>();
        for (String key : current.keySet()) {
            if (ChassisKeys.ours(key) && !desired.containsKey(key) && !key.equals(ChassisKeys.HEARTBEAT)) {
                stale.add(key);
            }
        }
        if (changed.isEmpty() && stale.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        LOG.info(() -> "desired companion keys " + changed.keySet() + " on Chassis_Private " + name + ", stale "
                + stale + " -> update");
        return sb.transact("node-agent (companion): publish for chassis " + name, mutate(row.get(), changed, stale))
                .thenApply(r -> true);
    }

    /** Advances our heartbeat counter (continuing from the row's value, so a restart is seen as a change). */
    public CompletableFuture<Void> heartbeat(String name) {
        Optional<Row> row = privateRow(name);
        if (row.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (heartbeat < 0) {
            heartbeat = parse(row.get().getStringMap("external_ids").get(ChassisKeys.HEARTBEAT));
        }
        heartbeat++;
        return sb.transact("node-agent (companion): heartbeat " + name, mutate(row.get(),
                Map.of(ChassisKeys.HEARTBEAT, Long.toString(heartbeat)), Set.of())).thenApply(r -> null);
    }

    /**
     * Removes our own keys from the Chassis row's {@code external_ids} (our mark, left by an agent that was this
     * chassis before ovn-controller took the name), so no reader takes ovn-controller's row for ours.
     */
    public CompletableFuture<Boolean> unmarkChassis(Optional<Row> chassis) {
        if (chassis.isEmpty() || !chassis.get().getStringMap("external_ids").containsKey(ChassisKeys.OWNER)) {
            return CompletableFuture.completedFuture(false);
        }
        LOG.warning(() -> "chassis " + chassis.get().getString("name") + " carries our owner mark but ovn-controller"
                + " runs here: removing the mark");
        return sb.transact("node-agent (companion): unmark chassis", List.of(Operations.mutate("Chassis")
                .where(Condition.uuidEquals(chassis.get().uuid()))
                .delete("external_ids", Set.of(ChassisKeys.OWNER)))).thenApply(r -> true);
    }

    private static List<Operation> mutate(Row row, Map<String, String> set, Set<String> remove) {
        Set<String> deleted = new HashSet<>(remove);
        deleted.addAll(set.keySet());
        List<Operation> ops = new ArrayList<>();
        ops.add(Operations.mutate("Chassis_Private").where(Condition.uuidEquals(row.uuid()))
                .delete("external_ids", deleted));
        if (!set.isEmpty()) {
            ops.add(Operations.mutate("Chassis_Private").where(Condition.uuidEquals(row.uuid()))
                    .insert("external_ids", set));
        }
        return ops;
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
