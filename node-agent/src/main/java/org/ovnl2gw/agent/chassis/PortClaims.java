package org.ovnl2gw.agent.chassis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.ovnl2gw.agent.dataplane.GatewayRoles.Role;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;

/**
 * Writes the l2gateway {@code Port_Binding} changes the roles call for, in one transaction, touching only the
 * {@code chassis} and {@code up} columns (what OVN's RBAC lets a chassis write):
 * <ul>
 *   <li>{@link Role#CLAIM}: {@code chassis} = us, {@code up} = true, only if the binding still names the chassis
 *       we saw (a compare-and-set: of two standbys that both decide to take over, one wins and the other sees it);
 *   <li>{@link Role#ACTIVE} but not {@code up}: {@code up} = true;
 *   <li>{@link Role#RELEASE}: {@code chassis} cleared and {@code up} = false, only while it still names us.
 * </ul>
 */
public final class PortClaims {
    private static final Logger LOG = Logger.getLogger(PortClaims.class.getName());

    private final OvsdbSession sb;

    public PortClaims(OvsdbSession sb) {
        this.sb = sb;
    }

    /** What one transaction did: the ports we now hold by a claim that won, and the ports we let go. */
    public record Outcome(Set<String> claimed, Set<String> lost, Set<String> released) {
        static final Outcome NOTHING = new Outcome(Set.of(), Set.of(), Set.of());
    }

    /** Completes with what changed; {@code roles} by logical port name. */
    public CompletableFuture<Outcome> reconcile(String chassisName, Map<String, Role> roles) {
        Optional<Row> chassis = sb.cache().table("Chassis").findOne("name", chassisName);
        if (chassis.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.NOTHING);
        }
        Uuid us = chassis.get().uuid();
        List<Operation> ops = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        List<Integer> claimOps = new ArrayList<>();
        Set<String> released = new LinkedHashSet<>();
        List<String> said = new ArrayList<>();
        for (Row pb : sb.cache().table("Port_Binding").findBy("type", "l2gateway")) {
            String port = pb.getString("logical_port");
            Role role = roles.getOrDefault(port, Role.NONE);
            Optional<Uuid> bound = pb.getOptionalUuid("chassis");
            boolean up = pb.getOptionalBoolean("up").orElse(false);
            if (role == Role.CLAIM) {
                String from = bound.flatMap(u -> sb.cache().get("Chassis", u)).map(r -> r.getString("name"))
                        .orElse("none");
                said.add("claiming l2gateway port " + port + " for " + chassisName + " (bound to " + from + ")");
                claimOps.add(ops.size());
                claims.add(port);
                ops.add(Operations.update("Port_Binding")
                        .where(Condition.uuidEquals(pb.uuid()), Condition.equalTo("chassis",
                                bound.map(Set::of).orElse(Set.of())))
                        .set("chassis", Set.of(us)).set("up", Set.of(true)));
            } else if (role == Role.RELEASE) {
                said.add("releasing l2gateway port " + port + ": it is no longer ours to serve");
                released.add(port);
                ops.add(Operations.update("Port_Binding").where(Condition.uuidEquals(pb.uuid()),
                                Condition.equalTo("chassis", Set.of(us)))
                        .set("chassis", Set.of()).set("up", Set.of(false)));
            } else if (role == Role.ACTIVE && !up) {
                ops.add(Operations.update("Port_Binding").where(Condition.uuidEquals(pb.uuid()),
                        Condition.equalTo("chassis", Set.of(us))).set("up", Set.of(true)));
            }
        }
        if (ops.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.NOTHING);
        }
        // logged when the reply comes (on the connection's thread), not in the pass: its next steps are the flows
        CompletableFuture<Outcome> outcome = sb.transact("node-agent: l2gateway claims of " + chassisName, ops)
                .thenApply(result -> {
            said.forEach(LOG::info);
            Set<String> won = new LinkedHashSet<>();
            Set<String> lost = new LinkedHashSet<>();
            for (int i = 0; i < claims.size(); i++) {
                (result.count(claimOps.get(i)) > 0 ? won : lost).add(claims.get(i));
            }
            if (!lost.isEmpty()) {
                LOG.info(() -> "claims of " + lost + " lost: another chassis took them first");
            }
            return new Outcome(won, lost, released);
        });
        return outcome;
    }

    /** Releases every port bound to us (decommissioning). */
    public CompletableFuture<Void> releaseAll(String chassisName) {
        Optional<Row> chassis = sb.cache().table("Chassis").findOne("name", chassisName);
        if (chassis.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Uuid us = chassis.get().uuid();
        List<Operation> ops = new ArrayList<>();
        for (Row pb : sb.cache().table("Port_Binding").findBy("type", "l2gateway")) {
            if (pb.getOptionalUuid("chassis").map(us::equals).orElse(false)) {
                ops.add(Operations.update("Port_Binding").where(Condition.uuidEquals(pb.uuid()),
                        Condition.equalTo("chassis", Set.of(us))).set("chassis", Set.of()).set("up", Set.of(false)));
            }
        }
        return ops.isEmpty() ? CompletableFuture.completedFuture(null)
                : sb.transact("node-agent: release l2gateway ports of " + chassisName, ops).thenApply(r -> null);
    }
}
