package org.ovnl2gw.operator.l2gateway;

import java.util.Optional;

/**
 * What one reconcile found and did for one L2Gateway, condition by condition, before it is turned into status.
 *
 * @param gatewayNode the node now serving the gateway, null when none
 * @param logicalPort our Logical_Switch_Port, null while none exists
 * @param failover    set when this reconcile moved the port to another node
 */
public record GatewayOutcome(Verdict accepted, Verdict programmed, Verdict bound, String gatewayNode,
                             String logicalPort, Optional<Failover> failover) {

    /** The gateway moved from one node to another, and why. */
    public record Failover(String fromNode, String toNode, String why) {
    }

    /** Refused before anything was written to OVN. */
    public static GatewayOutcome rejected(String reason, String message) {
        Verdict notAccepted = Verdict.fail("NotAccepted", "the spec was not accepted: " + message);
        return new GatewayOutcome(Verdict.fail(reason, message), notAccepted, notAccepted, null, null, Optional.empty());
    }
}
