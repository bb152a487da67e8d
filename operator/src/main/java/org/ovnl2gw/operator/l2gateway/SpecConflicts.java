package org.ovnl2gw.operator.l2gateway;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;

/**
 * Conflicts between L2Gateways, which no API server can see: the same switch bridged twice onto one network and
 * VLAN ({@link #DUPLICATE_BRIDGE}), or one network and VLAN bridged from two switches, which would loop two
 * broadcast domains together ({@link #NETWORK_VLAN_IN_USE}). The older resource keeps the network (creation
 * time, then the one already accepted, then name); the newer one is refused. Only valid specs of resources not being deleted count. Pure.
 */
public final class SpecConflicts {
    public static final String DUPLICATE_BRIDGE = "DuplicateBridge";
    public static final String NETWORK_VLAN_IN_USE = "NetworkVlanInUse";
    static final String BY_NETWORK_VLAN = "networkVlan";
    static final String BY_SWITCH = "logicalSwitch";

    // Creation time first. Within one second (the timestamps' precision), or where an API server leaves the
    // timestamp out (the embedded one does), the resource already accepted keeps the network: a newcomer must
    // never take a working bridge away just because its name sorts first. Then the name.
    private static final Comparator<L2Gateway> AGE = Comparator
            .comparing((L2Gateway g) -> created(g).orElse(Instant.MAX))
            .thenComparing(g -> accepted(g) ? 0 : 1)
            .thenComparing(g -> g.getMetadata().getName());

    private SpecConflicts() {
    }

    /** A refusal reason and message. */
    public record Conflict(String reason, String message) {
    }

    public static Optional<Conflict> find(L2Gateway self, Collection<L2Gateway> all) {
        L2GatewaySpec mine = self.getSpec();
        return all.stream()
                // the cheap test first: with 1,000 gateways each reconcile would otherwise validate all the others
                .filter(other -> other.getSpec() != null && sameNetworkVlan(mine, other.getSpec()))
                .filter(other -> !other.getMetadata().getName().equals(self.getMetadata().getName()))
                .filter(SpecConflicts::counts)
                .filter(other -> AGE.compare(other, self) < 0)
                .sorted(AGE)
                .findFirst()
                .map(older -> conflict(mine, older));
    }

    /**
     * The primary cache's indexes by which a gateway finds what it may compete with, instead of looking at every
     * gateway: with 1,000 gateways those looks (conflicts, then peers to re-check) were over a third of the
     * reconcilers' time under a burst. Keys only narrow; {@link #find} and {@link #overlap} still decide.
     */
    static Map<String, Function<L2Gateway, List<String>>> indexers() {
        return Map.of(
                BY_NETWORK_VLAN, g -> g.getSpec() == null ? List.of() : List.of(networkVlanKey(g.getSpec())),
                BY_SWITCH, g -> g.getSpec() == null ? List.of() : List.of(String.valueOf(g.getSpec().logicalSwitch())));
    }

    /** The gateways {@link #find} needs to see for {@code spec}: those on its network and VLAN (it among them). */
    static List<L2Gateway> sameNetworkVlan(IndexedResourceCache<L2Gateway> cache, L2GatewaySpec spec) {
        return spec == null ? List.of() : cache.byIndex(BY_NETWORK_VLAN, networkVlanKey(spec));
    }

    /** The gateways that may {@link #overlap} {@code spec}: on its network and VLAN, or on its switch. */
    static Collection<L2Gateway> mayOverlap(IndexedResourceCache<L2Gateway> cache, L2GatewaySpec spec) {
        if (spec == null) {
            return List.of();
        }
        Map<String, L2Gateway> byName = new LinkedHashMap<>();
        cache.byIndex(BY_NETWORK_VLAN, networkVlanKey(spec)).forEach(g -> byName.put(g.getMetadata().getName(), g));
        cache.byIndex(BY_SWITCH, String.valueOf(spec.logicalSwitch()))
                .forEach(g -> byName.put(g.getMetadata().getName(), g));
        return byName.values();
    }

    private static String networkVlanKey(L2GatewaySpec spec) {
        return spec.networkName() + "/" + (spec.vlan() == null ? "untagged" : spec.vlan());
    }

    /** Whether two specs compete for anything (used to re-check peers when one changes or goes away). */
    public static boolean overlap(L2GatewaySpec a, L2GatewaySpec b) {
        return a != null && b != null && (sameNetworkVlan(a, b) || Objects.equals(a.logicalSwitch(), b.logicalSwitch()));
    }

    private static boolean counts(L2Gateway g) {
        return g.getSpec() != null && g.getMetadata().getDeletionTimestamp() == null && g.getSpec().validate().isEmpty();
    }

    private static boolean sameNetworkVlan(L2GatewaySpec a, L2GatewaySpec b) {
        return Objects.equals(a.networkName(), b.networkName()) && Objects.equals(a.vlan(), b.vlan());
    }

    private static Conflict conflict(L2GatewaySpec mine, L2Gateway older) {
        String where = "network " + mine.networkName() + (mine.vlan() == null ? " (untagged)" : " VLAN " + mine.vlan());
        if (Objects.equals(mine.logicalSwitch(), older.getSpec().logicalSwitch())) {
            return new Conflict(DUPLICATE_BRIDGE, "L2Gateway " + older.getMetadata().getName() + " already bridges "
                    + "logical switch " + mine.logicalSwitch() + " onto " + where);
        }
        return new Conflict(NETWORK_VLAN_IN_USE, "L2Gateway " + older.getMetadata().getName() + " already bridges "
                + where + " from logical switch " + older.getSpec().logicalSwitch()
                + "; bridging it from a second switch would join two broadcast domains");
    }

    private static boolean accepted(L2Gateway g) {
        return g.getStatus() != null && Conditions.isTrue(g.getStatus().conditions(), ConditionTypes.ACCEPTED);
    }

    private static Optional<Instant> created(L2Gateway g) {
        String ts = g.getMetadata().getCreationTimestamp();
        try {
            return ts == null ? Optional.empty() : Optional.of(Instant.parse(ts));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
