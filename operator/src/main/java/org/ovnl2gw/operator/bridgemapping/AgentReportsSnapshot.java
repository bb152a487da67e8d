package org.ovnl2gw.operator.bridgemapping;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agent reports at one moment, indexed by Kubernetes node name. */
public final class AgentReportsSnapshot {
    private final Map<String, AgentReport> byNode = new HashMap<>();

    /**
     * Indexes the reports. Two chassis claiming one node (a re-installed node whose old chassis row lingers)
     * resolve to the one with a readable document, then the one with more outcomes, then by chassis name, so
     * the choice is the same on every reconcile.
     */
    public AgentReportsSnapshot(List<AgentReport> reports) {
        Comparator<AgentReport> preference = Comparator
                .comparing((AgentReport r) -> r.unreadable().isPresent())
                .thenComparing(r -> -r.mappings().size())
                .thenComparing(AgentReport::chassis);
        for (AgentReport report : reports.stream().sorted(preference).toList()) {
            byNode.putIfAbsent(report.node(), report);
        }
    }

    public Optional<AgentReport> forNode(String node) {
        return Optional.ofNullable(byNode.get(node));
    }
}
