package org.ovnl2gw.agent.openflow;

import java.util.List;
import java.util.Objects;

/**
 * A frame the controller injects into the switch (OFPT_PACKET_OUT) and the actions the switch applies to
 * it, as if it had arrived from the controller port; typically ending in {@link Action#output}.
 *
 * @param frame   the whole Ethernet frame, without FCS
 * @param actions applied in order; an empty list drops the frame
 */
public record PacketOut(RawBytes frame, List<Action> actions) {

    public PacketOut {
        Objects.requireNonNull(frame, "frame");
        actions = List.copyOf(actions);
        if (frame.length() < 14) {
            throw new IllegalArgumentException("a frame has at least an Ethernet header: " + frame.length() + " bytes");
        }
    }

    public static PacketOut of(byte[] frame, List<Action> actions) {
        return new PacketOut(new RawBytes(frame), actions);
    }

    @Override
    public String toString() {
        return "packet_out(" + frame.length() + " bytes, actions=" + actions + ")";
    }
}
