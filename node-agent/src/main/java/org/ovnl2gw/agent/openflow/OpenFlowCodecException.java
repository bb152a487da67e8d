package org.ovnl2gw.agent.openflow;

/** A message from the switch that does not have the layout OpenFlow 1.3 gives it. */
public class OpenFlowCodecException extends RuntimeException {
    public OpenFlowCodecException(String message) {
        super(message);
    }
}
