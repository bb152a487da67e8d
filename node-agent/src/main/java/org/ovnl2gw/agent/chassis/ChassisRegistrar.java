package org.ovnl2gw.agent.chassis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.Ownership;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;

/**
 * Keeps this node's {@code Chassis}, {@code Encap} and {@code Chassis_Private} rows as desired, in one
 * transaction per change. A Chassis row of the same name that is not marked ours (ovn-controller's) is
 * never modified: {@link #ensure} fails with an explanation instead.
 *
 * <p>Every write stays within what OVN's Southbound RBAC lets a chassis (role {@code ovn-controller}, CN =
 * chassis name) write: insert/delete of its own Chassis, Encap and Chassis_Private; updates of Chassis
 * {@code encaps}/{@code other_config}, Chassis_Private {@code chassis}/{@code external_ids}/{@code nb_cfg}/
 * {@code nb_cfg_timestamp}; never Chassis {@code hostname} after the insert.
 *
 * <p>Liveness: {@link #heartbeat} writes a counter to {@code Chassis_Private:external_ids:ovn-l2gw-heartbeat}.
 * The operator treats a chassis as alive while it sees that value change, judged by its own clock, so
 * clock skew between nodes does not matter.
 */
public final class ChassisRegistrar {
    private static final Logger LOG = Logger.getLogger(ChassisRegistrar.class.getName());

    private final OvsdbSession sb;
    private long heartbeat;
    private final Set<String> loggedHostname = new java.util.HashSet<>();

    public ChassisRegistrar(OvsdbSession sb) {
        this.sb = sb;
    }

    /** Thrown when the chassis name is taken by a row we do not own. */
    public static final class ChassisTakenException extends RuntimeException {
        ChassisTakenException(String message) {
            super(message);
        }
    }

    public Optional<Row> chassisRow(String name) {
        return sb.cache().table("Chassis").findOne("name", name);
    }

    public Optional<Row> privateRow(String name) {
        return sb.cache().table("Chassis_Private").findOne("name", name);
    }

    /** Creates or corrects the rows; completes with true when it wrote something. */
    public CompletableFuture<Boolean> ensure(ChassisIdentity identity) {
        Optional<Row> chassis = chassisRow(identity.name());
        if (chassis.isPresent() && !ChassisKeys.registeredByAgent(chassis.get().getStringMap("external_ids"))) {
            return CompletableFuture.failedFuture(new ChassisTakenException("chassis " + identity.name()
                    + " is registered by someone else (ovn-controller?); not taking it over"));
        }
        List<Operation> ops = new ArrayList<>();
        Object chassisRef;
        if (chassis.isEmpty()) {
            Operation.Insert encap = encap(identity);
            Operation.Insert insert = Operations.insert("Chassis").uuidName("chassis")
                    .set("name", identity.name()).set("hostname", identity.hostname())
                    .set("encaps", Set.of(encap.namedUuid())).set("other_config", identity.otherConfig())
                    .set("external_ids", ChassisKeys.agentMark());
            ops.add(encap);
            ops.add(insert);
            chassisRef = insert.namedUuid();
            LOG.info(() -> "desired chassis " + identity.name() + " at " + identity.encapIp() + ", current none -> register");
        } else {
            Row row = chassis.get();
            chassisRef = row.uuid();
            if (!encapMatches(row, identity)) {
                Operation.Insert encap = encap(identity);
                ops.add(encap);
                ops.add(Operations.update("Chassis").where(Condition.uuidEquals(row.uuid()))
                        .set("encaps", Set.of(encap.namedUuid())));
                LOG.info(() -> "desired encap geneve " + identity.encapIp() + " for " + identity.name() + " -> replace");
            }
            Map<String, String> otherConfig = new HashMap<>(row.getStringMap("other_config"));
            otherConfig.putAll(identity.otherConfig());
            otherConfig.keySet().removeIf(k -> ChassisKeys.ours(k) && !identity.otherConfig().containsKey(k));
            // hostname is written on insert only: OVN's RBAC lets a chassis (role ovn-controller) update
            // encaps, external_ids, nb_cfg, other_config, transport_zones and vtep_logical_switches, so
            // writing hostname here failed every pass after the first change under a real Southbound
            if (!row.getStringMap("other_config").equals(otherConfig)) {
                ops.add(Operations.update("Chassis").where(Condition.uuidEquals(row.uuid()))
                        .set("other_config", otherConfig));
            }
            if (!row.getString("hostname").equals(identity.hostname()) && loggedHostname.add(identity.hostname())) {
                LOG.warning(() -> "chassis " + identity.name() + " keeps hostname " + row.getString("hostname")
                        + " (desired " + identity.hostname() + "): a chassis may set it only when it registers");
            }
        }
        Optional<Row> priv = privateRow(identity.name());
        if (priv.isEmpty()) {
            ops.add(Operations.insert("Chassis_Private").set("name", identity.name()).set("chassis", Set.of(chassisRef))
                    .set("external_ids", Map.of(ChassisKeys.OWNER, Ownership.NODE_AGENT,
                            ChassisKeys.HEARTBEAT, Long.toString(heartbeat))));
        } else if (!priv.get().getOptionalUuid("chassis").map(chassisRef::equals).orElse(false)) {
            ops.add(Operations.update("Chassis_Private").where(Condition.uuidEquals(priv.get().uuid()))
                    .set("chassis", Set.of(chassisRef)));
        }
        if (ops.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        return sb.transact("node-agent: register chassis " + identity.name(), ops).thenApply(r -> true);
    }

    private static Operation.Insert encap(ChassisIdentity identity) {
        return Operations.insert("Encap").uuidName("encap").set("type", "geneve").set("ip", identity.encapIp())
                .set("options", Map.of("csum", "true")).set("chassis_name", identity.name());
    }

    private boolean encapMatches(Row chassis, ChassisIdentity identity) {
        Set<Uuid> encaps = chassis.getUuidSet("encaps");
        if (encaps.size() != 1) {
            return false;
        }
        return sb.cache().get("Encap", encaps.iterator().next())
                .map(e -> "geneve".equals(e.getString("type")) && identity.encapIp().equals(e.getString("ip")))
                .orElse(false);
    }

    /** Advances the heartbeat and, when given, reports the Northbound config sequence we have applied. */
    public CompletableFuture<Void> heartbeat(String name, Optional<Long> appliedNbCfg) {
        Optional<Row> priv = privateRow(name);
        if (priv.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        heartbeat++;
        Map<String, String> ids = new HashMap<>(priv.get().getStringMap("external_ids"));
        ids.put(ChassisKeys.HEARTBEAT, Long.toString(heartbeat));
        Operation.Update update = Operations.update("Chassis_Private").where(Condition.uuidEquals(priv.get().uuid()))
                .set("external_ids", ids);
        appliedNbCfg.filter(cfg -> cfg != priv.get().getLong("nb_cfg")).ifPresent(cfg ->
                update.set("nb_cfg", cfg).set("nb_cfg_timestamp", System.currentTimeMillis()));
        return sb.transact("node-agent: heartbeat " + name, List.of(update)).thenApply(r -> null);
    }

    /** Current {@code SB_Global:nb_cfg}, the sequence {@code ovn-nbctl --wait=hv} waits for. */
    public Optional<Long> southboundNbCfg() {
        return sb.cache().rows("SB_Global").stream().findFirst().map(r -> r.getLong("nb_cfg"));
    }

    /** Removes our Chassis_Private and Chassis (and so its Encap): decommissioning the node. */
    public CompletableFuture<Void> withdraw(String name) {
        List<Operation> ops = new ArrayList<>();
        privateRow(name).ifPresent(r -> ops.add(Operations.delete("Chassis_Private").where(Condition.uuidEquals(r.uuid()))));
        chassisRow(name).filter(r -> ChassisKeys.registeredByAgent(r.getStringMap("external_ids")))
                .ifPresent(r -> ops.add(Operations.delete("Chassis").where(Condition.uuidEquals(r.uuid()))));
        if (ops.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info(() -> "withdrawing chassis " + name);
        return sb.transact("node-agent: withdraw chassis " + name, ops).thenApply(r -> null);
    }
}
