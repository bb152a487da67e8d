package org.ovnl2gw.agent.chassis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.ovnl2gw.ovsdb.Condition;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;
import org.ovnl2gw.ovsdb.Uuid;

/**
 * Claims and releases l2gateway {@code Port_Binding}s for this chassis, as ovn-controller's binding code
 * does for the ports it owns:
 * <ul>
 *   <li>{@code options:l2gateway-chassis} names us and {@code chassis} is not us: claim (chassis, up=true);
 *   <li>bound to us (also administratively, with no option) but not {@code up}: set up=true;
 *   <li>bound to us while the option names another chassis: the port is moving away, release it
 *       (chassis cleared, up=false) unless the operator has already rebound it.
 * </ul>
 */
public final class PortClaims {
    private static final Logger LOG = Logger.getLogger(PortClaims.class.getName());

    private final OvsdbSession sb;

    public PortClaims(OvsdbSession sb) {
        this.sb = sb;
    }

    /** Completes with the names of the ports whose binding changed. */
    public CompletableFuture<List<String>> reconcile(String chassisName) {
        Optional<Row> chassis = sb.cache().table("Chassis").findOne("name", chassisName);
        if (chassis.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Uuid us = chassis.get().uuid();
        List<Operation> ops = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Row pb : sb.cache().table("Port_Binding").findBy("type", "l2gateway")) {
            Optional<String> named = Optional.ofNullable(pb.getStringMap("options").get("l2gateway-chassis"));
            boolean boundHere = pb.getOptionalUuid("chassis").map(us::equals).orElse(false);
            boolean up = pb.getOptionalBoolean("up").orElse(false);
            String port = pb.getString("logical_port");
            if (named.filter(chassisName::equals).isPresent() && !boundHere) {
                LOG.info(() -> "claiming l2gateway port " + port + " for " + chassisName);
                ops.add(bind(pb.uuid(), Set.of(us), true));
                changed.add(port);
            } else if (boundHere && named.isPresent() && !named.get().equals(chassisName)) {
                LOG.info(() -> "releasing l2gateway port " + port + ": it moves to " + named.get());
                ops.add(bind(pb.uuid(), Set.of(), false).where(Condition.uuidEquals(pb.uuid()),
                        Condition.equalTo("chassis", us)));
                changed.add(port);
            } else if (boundHere && !up) {
                ops.add(Operations.update("Port_Binding").where(Condition.uuidEquals(pb.uuid())).set("up", Set.of(true)));
                changed.add(port);
            }
        }
        if (ops.isEmpty()) {
            return CompletableFuture.completedFuture(changed);
        }
        return sb.transact("node-agent: l2gateway claims of " + chassisName, ops).thenApply(r -> changed);
    }

    private static Operation.Update bind(Uuid portBinding, Set<Uuid> chassis, boolean up) {
        return Operations.update("Port_Binding").where(Condition.uuidEquals(portBinding))
                .set("chassis", chassis).set("up", Set.of(up));
    }

    /** Releases every port bound to us (decommissioning). */
    public CompletableFuture<Void> releaseAll(String chassisName) {
        Optional<Row> chassis = sb.cache().table("Chassis").findOne("name", chassisName);
        if (chassis.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Operation> ops = new ArrayList<>();
        for (Row pb : sb.cache().table("Port_Binding").findBy("type", "l2gateway")) {
            if (pb.getOptionalUuid("chassis").map(chassis.get().uuid()::equals).orElse(false)) {
                ops.add(bind(pb.uuid(), Set.of(), false));
            }
        }
        return ops.isEmpty() ? CompletableFuture.completedFuture(null)
                : sb.transact("node-agent: release l2gateway ports of " + chassisName, ops).thenApply(r -> null);
    }
}
