package org.ovnl2gw.operator.l2gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;

class SpecConflictsTest {
    private static L2Gateway gw(String name, String created, String ls, String net, Integer vlan) {
        L2Gateway g = new L2Gateway(name, new L2GatewaySpec(ls, net, vlan, null));
        g.getMetadata().setCreationTimestamp(created);
        return g;
    }

    @Test
    void theNewerOfTwoBridgesOfOneSwitchOntoOneNetworkAndVlanIsRefused() {
        L2Gateway old = gw("z-old", "2026-01-01T00:00:00Z", "ls", "n", 10);
        L2Gateway young = gw("a-young", "2026-01-01T00:00:05Z", "ls", "n", 10);
        assertEquals(SpecConflicts.DUPLICATE_BRIDGE, SpecConflicts.find(young, List.of(old, young)).orElseThrow().reason());
        assertTrue(SpecConflicts.find(old, List.of(old, young)).isEmpty());
    }

    @Test
    void oneNetworkAndVlanFromTwoSwitchesIsRefusedButOtherVlansAndUntaggedAreFine() {
        L2Gateway old = gw("old", "2026-01-01T00:00:00Z", "ls1", "n", null);
        L2Gateway young = gw("young", "2026-01-01T00:00:05Z", "ls2", "n", null);
        assertEquals(SpecConflicts.NETWORK_VLAN_IN_USE, SpecConflicts.find(young, List.of(old, young)).orElseThrow().reason());
        L2Gateway tagged = gw("tagged", "2026-01-01T00:00:05Z", "ls2", "n", 7);
        assertTrue(SpecConflicts.find(tagged, List.of(old, tagged)).isEmpty());
    }

    @Test
    void sameSecondOrNoTimestampFallsBackToTheAcceptedOneThenTheName() {
        L2Gateway b = gw("b", null, "ls1", "n", 3);
        L2Gateway a = gw("a", null, "ls2", "n", 3);
        assertEquals(SpecConflicts.NETWORK_VLAN_IN_USE, SpecConflicts.find(b, List.of(a, b)).orElseThrow().reason());
        b.setStatus(org.ovnl2gw.api.v1alpha1.L2GatewayStatus.EMPTY.withCondition(org.ovnl2gw.api.v1alpha1.Condition.of(
                "Accepted", "True", "Accepted", "", 1, java.time.Instant.now())));
        assertTrue(SpecConflicts.find(b, List.of(a, b)).isEmpty(), "the incumbent keeps its network");
        assertEquals(SpecConflicts.NETWORK_VLAN_IN_USE, SpecConflicts.find(a, List.of(a, b)).orElseThrow().reason());
    }

    @Test
    void invalidSpecsDoNotHoldANetwork() {
        L2Gateway invalid = gw("invalid", "2026-01-01T00:00:00Z", "ls1", "n", 9999);
        L2Gateway valid = gw("valid", "2026-01-01T00:00:05Z", "ls2", "n", 9999 - 9000);
        assertTrue(SpecConflicts.find(valid, List.of(invalid, valid)).isEmpty());
    }

    @Test
    void theIndexesFindEveryGatewayThatCouldCompeteAndNoneThatCannot() {
        L2Gateway mine = gw("mine", null, "ls1", "n", 5);
        L2Gateway sameVlan = gw("same-vlan", null, "ls2", "n", 5);
        L2Gateway sameSwitch = gw("same-switch", null, "ls1", "n", 6);
        L2Gateway untagged = gw("untagged", null, "ls3", "n", null);
        L2Gateway otherNetwork = gw("other-network", null, "ls4", "m", 5);
        L2Gateway noSpec = new L2Gateway("no-spec", null);
        IndexedResourceCache<L2Gateway> cache = new ListCache(
                List.of(mine, sameVlan, sameSwitch, untagged, otherNetwork, noSpec));

        assertEquals(Set.of("mine", "same-vlan"), names(SpecConflicts.sameNetworkVlan(cache, mine.getSpec())));
        assertEquals(Set.of("mine", "same-vlan", "same-switch"), names(SpecConflicts.mayOverlap(cache, mine.getSpec())));
        assertEquals(Set.of("untagged"), names(SpecConflicts.sameNetworkVlan(cache, untagged.getSpec())));
        assertEquals(Set.of(), names(SpecConflicts.mayOverlap(cache, null)));
        // what the indexes return is all that find and overlap would pick from the whole list
        for (L2Gateway g : List.of(mine, sameVlan, sameSwitch, untagged, otherNetwork)) {
            assertEquals(SpecConflicts.find(g, cache.list().toList()),
                    SpecConflicts.find(g, SpecConflicts.sameNetworkVlan(cache, g.getSpec())));
            assertTrue(names(SpecConflicts.mayOverlap(cache, g.getSpec())).containsAll(names(cache.list()
                    .filter(o -> SpecConflicts.overlap(o.getSpec(), g.getSpec())).toList())));
        }
    }

    private static Set<String> names(Collection<L2Gateway> gateways) {
        return gateways.stream().map(g -> g.getMetadata().getName()).collect(Collectors.toSet());
    }

    /** The primary cache's indexed lookups over a fixed list, with the indexers the reconciler registers. */
    private record ListCache(List<L2Gateway> all) implements IndexedResourceCache<L2Gateway> {
        @Override
        public List<L2Gateway> byIndex(String index, String key) {
            Function<L2Gateway, List<String>> keys = SpecConflicts.indexers().get(index);
            return all.stream().filter(g -> keys.apply(g).contains(key)).toList();
        }

        @Override
        public Optional<L2Gateway> get(ResourceID id) {
            return all.stream().filter(g -> g.getMetadata().getName().equals(id.getName())).findFirst();
        }

        @Override
        public Stream<ResourceID> keys() {
            return all.stream().map(ResourceID::fromResource);
        }

        @Override
        public Stream<L2Gateway> list(Predicate<L2Gateway> which) {
            return all.stream().filter(which);
        }

        @Override
        public Stream<L2Gateway> list(String namespace, Predicate<L2Gateway> which) {
            return list(which);
        }
    }
}
