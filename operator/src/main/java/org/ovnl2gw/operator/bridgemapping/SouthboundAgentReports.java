package org.ovnl2gw.operator.bridgemapping;

import java.util.Optional;
import org.ovnl2gw.operator.ovn.OvnChangeListener;
import org.ovnl2gw.operator.ovn.SouthboundClient;

/**
 * The agents' reports as the Southbound DB holds them (see {@link SouthboundClient#agentPublications}), read
 * through the operator's one Southbound client from its monitor cache (never a round trip per reconcile), with a
 * signal when they change (a heartbeat alone is no change).
 */
public final class SouthboundAgentReports {
    private final SouthboundClient southbound;

    public SouthboundAgentReports(SouthboundClient southbound) {
        this.southbound = southbound;
    }

    /** Every agent's report now, or empty while the Southbound database is not connected. */
    public Optional<AgentReportsSnapshot> snapshot() {
        if (!southbound.isConnected()) {
            return Optional.empty();
        }
        return Optional.of(new AgentReportsSnapshot(southbound.agentPublications().stream()
                .flatMap(p -> AgentReportParser.parse(p.chassis(), p.entries(), p.externalIds()).stream())
                .toList()));
    }

    /**
     * Calls {@code changed} (on the session's event thread: it must only enqueue work) whenever a report may
     * have changed: a Chassis row came, went or changed what we read, or the session (re)connected or dropped.
     */
    public void onChange(Runnable changed) {
        southbound.addListener(new OvnChangeListener() {
            @Override
            public void chassisChanged() {
                changed.run();
            }

            @Override
            public void connectionChanged() {
                changed.run();
            }
        });
    }
}
