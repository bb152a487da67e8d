package org.ovnl2gw.operator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;
import org.ovnl2gw.api.v1alpha1.NetworkMapping;
import org.ovnl2gw.testbed.Eventually;

/** The operator started as Main starts it, against the embedded API and real NB/SB: Lease, endpoints, metrics. */
class OperatorProcessIT {

    @Test
    void holdsTheLeaseAnswersProbesAndCountsReconciles() {
        try (OperatorFixture fixture = OperatorFixture.start("op-process")) {
            Lease lease = Eventually.await("a Lease held by " + OperatorFixture.IDENTITY,
                    () -> fixture.kube().client().leases().inNamespace("default").withName("ovn-l2gw-operator").get(),
                    l -> l != null && OperatorFixture.IDENTITY.equals(l.getSpec().getHolderIdentity()));
            assertTrue(lease.getSpec().getLeaseDurationSeconds() > 0);
            Eventually.await("leading", () -> fixture.operator().leaderState().leading(), leading -> leading);

            int health = fixture.operator().healthPort();
            assertEquals(200, fixture.get(health, "/healthz").statusCode());
            HttpResponse<String> ready = Eventually.await("ready", () -> fixture.get(health, "/readyz"),
                    r -> r.statusCode() == 200);
            assertEquals("ok northbound connected\nok southbound connected\n"
                    + "ok controllers started (leader or standby)\n", ready.body());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    fixture.get(fixture.operator().metricsPort(), "/metrics").headers()
                            .firstValue("Content-Type").orElseThrow());

            Map<String, Double> before = fixture.metrics();
            assertEquals(1.0, before.get("l2gw_operator_leader"));
            assertEquals(1.0, before.get("l2gw_ovsdb_connected{database=\"OVN_Northbound\"}"));
            assertEquals(1.0, before.get("l2gw_ovsdb_connected{database=\"OVN_Southbound\"}"));
            assertEquals(0.0, before.get("l2gw_gateway_failovers_total"));

            fixture.kube().client().resources(BridgeMapping.class).resource(new BridgeMapping("physnet1",
                    new BridgeMappingSpec(null, List.of(new NetworkMapping("physnet1", "br-phys", null))))).create();
            Map<String, Double> after = Eventually.await("a BridgeMapping reconciled and counted",
                    fixture::metrics, m -> m.getOrDefault("l2gw_reconciles_total{kind=\"BridgeMapping\"}", 0.0) >= 1
                            && m.getOrDefault("l2gw_bridgemappings{ready=\"false\"}", 0.0) == 1.0);
            assertEquals(0.0, after.get("l2gw_bridgemappings{ready=\"true\"}"));
            assertEquals(0.0, after.get("l2gw_reconcile_errors_total{kind=\"BridgeMapping\"}"));

            // the L2Gateway side is wired too: a gateway naming a switch that does not exist is counted in a state
            fixture.kube().client().resources(L2Gateway.class).resource(new L2Gateway("gw-missing-switch",
                    new L2GatewaySpec("no-such-switch", "physnet1", null, null))).create();
            Map<String, Double> gateways = Eventually.await("the L2Gateway reconciled and counted by state",
                    fixture::metrics, m -> m.getOrDefault("l2gw_reconciles_total{kind=\"L2Gateway\"}", 0.0) >= 1
                            && gatewaysCounted(m) == 1.0);
            assertEquals(1.0, gatewaysCounted(gateways));
            assertEquals(0, fixture.lostLeadership());
        }
    }

    private static double gatewaysCounted(Map<String, Double> metrics) {
        return metrics.entrySet().stream().filter(e -> e.getKey().startsWith("l2gw_gateways{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
