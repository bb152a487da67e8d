package org.ovnl2gw.operator.bridgemapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.operator.ovn.ChassisPublication;
import org.ovnl2gw.operator.ovn.InMemorySouthbound;

class SouthboundAgentReportsTest {
    private final InMemorySouthbound sb = new InMemorySouthbound();
    private final SouthboundAgentReports reports = new SouthboundAgentReports(sb);

    @Test
    void reportsOnlyWhatOurAgentsPublishedAndNothingWhileDisconnected() {
        sb.withPublication(new ChassisPublication("gw1", Map.of(ChassisKeys.NODE, "worker-1"), ChassisKeys.agentMark()))
                .withPublication(new ChassisPublication("hv1", Map.of(ChassisKeys.BRIDGE_MAPPINGS, "p:br"), Map.of()));
        AgentReportsSnapshot snapshot = reports.snapshot().orElseThrow();
        assertEquals(Optional.of(new AgentReport("gw1", "worker-1", Map.of(), Optional.empty())),
                snapshot.forNode("worker-1"));
        assertTrue(snapshot.forNode("hv1").isEmpty());
        sb.setConnected(false);
        assertTrue(reports.snapshot().isEmpty());
    }

    @Test
    void chassisAndConnectionChangesSignalAndNothingElse() {
        AtomicInteger signals = new AtomicInteger();
        reports.onChange(signals::incrementAndGet);
        sb.listeners().forEach(l -> {
            l.chassisChanged();
            l.connectionChanged();
            l.gatewayPortChanged("l2gw-x");
            l.logicalSwitchesChanged();
        });
        assertEquals(2, signals.get());
    }
}
