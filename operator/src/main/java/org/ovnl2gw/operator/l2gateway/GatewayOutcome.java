package org.ovnl2gw.operator.l2gateway;

import java.util.List;
import java.util.Optional;

/**
 * What one reconcile found and did for one L2Gateway, condition by condition, before it is turned into status.
 *
 * @param gatewayNode  the node now serving the gateway (the Southbound binding's), null when none
 * @param logicalPort  our Logical_Switch_Port, null while none exists
 * @param failover     set when the port moved to another node since the last reconcile
 * @param standbyNodes the other candidates, in takeover order
 * @param degraded     why the serving gateway is not fully healthy although it forwards (its agent stopped
 *                     reporting), empty when it is
 */
public record GatewayOutcome(Verdict accepted, Verdict programmed, Verdict bound, String gatewayNode,
                             String logicalPort, Optional<Failover> failover, List<String> standbyNodes,
                             Optional<String> degraded) {

    public GatewayOutcome {
        standbyNodes = List.copyOf(standbyNodes);
    }

    /**
     * The gateway moved from one node to another, and why. {@code handover}: the node it left was healthy and taken
     * off the candidates by the operator's own new choice (a spec or node change), so the move is administrative,
     * not a failover.
     */
    public record Failover(String fromNode, String toNode, String why, boolean handover) {
    }

    /** Refused before anything was written to OVN. */
    public static GatewayOutcome rejected(String reason, String message) {
        Verdict notAccepted = Verdict.fail("NotAccepted", "the spec was not accepted: " + message);
        return new GatewayOutcome(Verdict.fail(reason, message), notAccepted, notAccepted, null, null, Optional.empty(),
                List.of(), Optional.empty());
    }
}
