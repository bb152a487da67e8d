package org.ovnl2gw.operator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

    @Test
    void countersAndGaugesRenderAsPrometheusText() {
        OperatorMetrics metrics = new OperatorMetrics();
        metrics.declareKind("BridgeMapping");
        metrics.reconcileStarted("L2Gateway");
        metrics.reconcileStarted("L2Gateway");
        metrics.reconcileFailed("L2Gateway");
        metrics.reconcileTook("L2Gateway", Duration.ofMillis(250));
        metrics.failover();
        metrics.gatewaysByState(Map.of("ready", 3L, "pending", 1L));
        metrics.addGauge("l2gw_operator_leader", "leader", () -> List.of(MetricSample.of(1)));

        Map<String, Double> samples = PrometheusTextParser.parse(metrics.scrape());
        assertEquals(2.0, samples.get("l2gw_reconciles_total{kind=\"L2Gateway\"}"));
        assertEquals(0.0, samples.get("l2gw_reconciles_total{kind=\"BridgeMapping\"}"));
        assertEquals(1.0, samples.get("l2gw_reconcile_errors_total{kind=\"L2Gateway\"}"));
        assertEquals(0.25, samples.get("l2gw_reconcile_duration_seconds_sum{kind=\"L2Gateway\"}"));
        assertEquals(1.0, samples.get("l2gw_reconcile_duration_seconds_count{kind=\"L2Gateway\"}"));
        assertEquals(1.0, samples.get("l2gw_gateway_failovers_total"));
        assertEquals(3.0, samples.get("l2gw_gateways{state=\"ready\"}"));
        assertEquals(1.0, samples.get("l2gw_gateways{state=\"pending\"}"));
        assertEquals(1.0, samples.get("l2gw_operator_leader"));
    }

    @Test
    void everyFamilyHasHelpAndType() {
        String text = new OperatorMetrics().scrape();
        for (String family : List.of("l2gw_reconciles_total counter", "l2gw_reconcile_errors_total counter",
                "l2gw_gateway_failovers_total counter", "l2gw_gateways gauge",
                "l2gw_reconcile_duration_seconds summary")) {
            assertTrue(text.contains("# TYPE " + family + "\n"), family);
            assertTrue(text.contains("# HELP " + family.split(" ")[0] + " "), family);
        }
    }

    @Test
    void labelValuesAreEscaped() {
        OperatorMetrics metrics = new OperatorMetrics();
        metrics.gatewaysByState(Map.of("a\"b\\c\nd", 1L));
        String text = metrics.scrape();
        assertTrue(text.contains("l2gw_gateways{state=\"a\\\"b\\\\c\\nd\"} 1\n"), text);
        assertFalse(text.contains("d\"} 1\n\n"));
    }
}
