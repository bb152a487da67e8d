package org.ovnl2gw.agent.mappings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.api.v1alpha1.NetworkMapping;
import org.ovnl2gw.api.v1alpha1.SpecProblem;
import org.ovnl2gw.contract.MappingResult;

/**
 * Which mapping entries of the BridgeMappings selecting this node can be applied. Two BridgeMappings mapping
 * one network to different bridges, or one uplink to different bridges, is a conflict reported for both and
 * applied for neither; an entry whose network is already mapped to another bridge by someone else (an
 * {@code ovn-bridge-mappings} entry we did not add) is refused, theirs kept.
 */
public final class BridgeMappingPlanner {

    /** An entry to apply, with the BridgeMapping(s) that asked for it. */
    public record Entry(String network, String bridge, String uplink, Set<String> owners) {
    }

    /** The entries to apply and the result per BridgeMapping name. */
    public record Plan(List<Entry> entries, Map<String, MappingResult> results) {
    }

    /**
     * @param specs           BridgeMappings selecting this node, by name
     * @param othersMappings  the {@code ovn-bridge-mappings} entries that are not ours (network -> bridge)
     */
    public Plan plan(Map<String, BridgeMappingSpec> specs, Map<String, String> othersMappings) {
        Map<String, MappingResult> results = new TreeMap<>();
        Map<String, List<Owned>> byNetwork = new LinkedHashMap<>();
        Map<String, List<Owned>> byUplink = new HashMap<>();
        for (Map.Entry<String, BridgeMappingSpec> e : new TreeMap<>(specs).entrySet()) {
            List<SpecProblem> problems = e.getValue().validate();
            if (!problems.isEmpty()) {
                results.put(e.getKey(), MappingResult.failed(MappingResult.INVALID_SPEC,
                        problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "))));
                continue;
            }
            for (NetworkMapping m : e.getValue().mappings()) {
                Owned owned = new Owned(e.getKey(), m);
                byNetwork.computeIfAbsent(m.networkName(), k -> new ArrayList<>()).add(owned);
                if (m.uplink() != null && !m.uplink().isBlank()) {
                    byUplink.computeIfAbsent(m.uplink(), k -> new ArrayList<>()).add(owned);
                }
            }
        }
        Map<String, String> failures = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (Map.Entry<String, List<Owned>> e : byNetwork.entrySet()) {
            Set<String> bridges = e.getValue().stream().map(o -> o.mapping().bridge()).collect(Collectors.toSet());
            String others = othersMappings.get(e.getKey());
            if (bridges.size() > 1) {
                String names = owners(e.getValue());
                e.getValue().forEach(o -> fail(failures, reasons, o.owner(), MappingResult.NETWORK_CONFLICT,
                        "network " + e.getKey() + " is mapped to different bridges " + new java.util.TreeSet<>(bridges)
                                + " by BridgeMappings " + names + " on this node; none is applied"));
            } else if (others != null && !bridges.contains(others)) {
                e.getValue().forEach(o -> fail(failures, reasons, o.owner(), MappingResult.MAPPED_BY_OTHERS,
                        "network " + e.getKey() + " is already mapped to bridge " + others
                                + " in ovn-bridge-mappings by someone else; left as it is"));
            }
        }
        for (Map.Entry<String, List<Owned>> e : byUplink.entrySet()) {
            Set<String> bridges = e.getValue().stream().map(o -> o.mapping().bridge()).collect(Collectors.toSet());
            if (bridges.size() > 1) {
                e.getValue().forEach(o -> fail(failures, reasons, o.owner(), MappingResult.UPLINK_CONFLICT,
                        "uplink " + e.getKey() + " is attached to different bridges " + new java.util.TreeSet<>(bridges)
                                + " by BridgeMappings " + owners(e.getValue()) + "; none is applied"));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, List<Owned>> e : byNetwork.entrySet()) {
            List<Owned> ok = e.getValue().stream().filter(o -> !failures.containsKey(o.owner())).toList();
            if (ok.isEmpty()) {
                continue;
            }
            NetworkMapping first = ok.get(0).mapping();
            String uplink = ok.stream().map(o -> o.mapping().uplink()).filter(u -> u != null && !u.isBlank())
                    .findFirst().orElse(null);
            entries.add(new Entry(e.getKey(), first.bridge(), uplink,
                    ok.stream().map(Owned::owner).collect(Collectors.toCollection(java.util.TreeSet::new))));
        }
        for (String name : specs.keySet()) {
            if (failures.containsKey(name)) {
                results.put(name, MappingResult.failed(reasons.get(name), failures.get(name)));
            } else if (!results.containsKey(name)) {
                String what = specs.get(name).mappings().stream()
                        .map(m -> m.networkName() + ":" + m.bridge()).collect(Collectors.joining(","));
                results.put(name, MappingResult.applied("applied " + what));
            }
        }
        return new Plan(entries, results);
    }

    private static void fail(Map<String, String> failures, Map<String, String> reasons, String owner, String reason,
                             String message) {
        failures.merge(owner, message, (a, b) -> a.equals(b) ? a : a + "; " + b);
        reasons.putIfAbsent(owner, reason);
    }

    private static String owners(List<Owned> owned) {
        return owned.stream().map(Owned::owner).distinct().sorted().collect(Collectors.joining(", "));
    }

    private record Owned(String owner, NetworkMapping mapping) {
    }
}
