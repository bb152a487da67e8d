package org.ovnl2gw.operator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.operator.Main;
import org.ovnl2gw.testbed.Eventually;

/** Two replicas: one leads, the other is a ready standby, and takes the Lease when the leader stops. */
class LeaderElectionIT {

    @Test
    void aStandbyIsReadyAndTakesOverWhenTheLeaderStops() {
        try (OperatorFixture fixture = OperatorFixture.start("op-lease")) {
            Eventually.await("the first replica leading", () -> fixture.operator().leaderState().leading(), l -> l);
            try (Main.RunningOperator standby = fixture.startReplica("it-standby")) {
                Eventually.await("the standby ready", () -> fixture.get(standby.healthPort(), "/readyz").statusCode(),
                        code -> code == 200);
                assertFalse(standby.leaderState().leading());
                assertEquals(OperatorFixture.IDENTITY, standby.leaderState().leader().orElseThrow());
                Map<String, Double> standbyMetrics = PrometheusTextParser.parse(
                        fixture.get(standby.metricsPort(), "/metrics").body());
                assertEquals(0.0, standbyMetrics.get("l2gw_operator_leader"));

                fixture.operator().close();
                Eventually.await("the standby leading", () -> standby.leaderState().leading(), l -> l);
                Lease lease = fixture.kube().client().leases().inNamespace("default")
                        .withName("ovn-l2gw-operator").get();
                assertEquals("it-standby", lease.getSpec().getHolderIdentity());
                assertEquals(1.0, PrometheusTextParser.parse(fixture.get(standby.metricsPort(), "/metrics").body())
                        .get("l2gw_operator_leader"));
            }
            assertEquals(0, fixture.lostLeadership());
        }
    }
}
