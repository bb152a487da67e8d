package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Action lists (OpenFlow 1.3 §7.2.5) plus Nicira's resubmit. */
final class ActionCodec {
    private static final int OFPAT_OUTPUT = 0;
    private static final int OFPAT_PUSH_VLAN = 17;
    private static final int OFPAT_POP_VLAN = 18;
    private static final int OFPAT_SET_FIELD = 25;
    private static final int OFPAT_EXPERIMENTER = 0xffff;
    private static final int NXAST_RESUBMIT = 1;
    private static final int NXAST_RESUBMIT_TABLE = 14;
    /** NXAST_RESUBMIT has no table: "the current table" is written as 255. */
    private static final int NO_TABLE = 255;

    private ActionCodec() {
    }

    static void encode(List<Action> actions, ByteBuf out) {
        for (Action a : actions) {
            encode(a, out);
        }
    }

    static void encode(Action action, ByteBuf out) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this chain complete.
        if (action instanceof Action.Output o) {
            out.writeShort(OFPAT_OUTPUT);
            out.writeShort(16);
            out.writeInt((int) o.port());
            out.writeShort(o.maxLen());
            out.writeZero(6);
        } else if (action instanceof Action.PushVlan p) {
            out.writeShort(OFPAT_PUSH_VLAN);
            out.writeShort(8);
            out.writeShort(p.ethertype());
            out.writeZero(2);
        } else if (action instanceof Action.PopVlan) {
            out.writeShort(OFPAT_POP_VLAN);
            out.writeShort(8);
            out.writeZero(4);
        } else if (action instanceof Action.SetField s) {
            int unpadded = 4 + 4 + s.field().length();
            int length = MatchCodec.padTo8(unpadded);
            out.writeShort(OFPAT_SET_FIELD);
            out.writeShort(length);
            out.writeInt(s.field().header(false));
            MatchCodec.writeValue(out, s.value(), s.field().length());
            out.writeZero(length - unpadded);
        } else if (action instanceof Action.Resubmit r) {
            out.writeShort(OFPAT_EXPERIMENTER);
            out.writeShort(16);
            out.writeInt((int) OfType.NICIRA);
            out.writeShort(NXAST_RESUBMIT_TABLE);
            out.writeShort(r.inPort());
            out.writeByte(r.table());
            out.writeZero(3);
        } else if (action instanceof Action.Raw r) {
            out.writeBytes(r.bytes().toArray());
        } else {
            throw new IllegalArgumentException("unknown action " + action);
        }
    }

    /** Decodes actions until {@code end} (an absolute reader index). */
    static List<Action> decode(ByteBuf in, int end) {
        List<Action> actions = new ArrayList<>();
        while (in.readerIndex() < end) {
            int start = in.readerIndex();
            int type = in.getUnsignedShort(start);
            int length = in.getUnsignedShort(start + 2);
            if (length < 8 || start + length > end) {
                throw new OpenFlowCodecException("action length " + length + " at offset " + start);
            }
            Action a = decodeOne(in.slice(start, length), type, length);
            actions.add(a);
            in.readerIndex(start + length);
        }
        return actions;
    }

    private static Action decodeOne(ByteBuf a, int type, int length) {
        a.skipBytes(4);
        switch (type) {
            case OFPAT_OUTPUT:
                if (length == 16) {
                    return new Action.Output(a.readUnsignedInt(), a.readUnsignedShort());
                }
                break;
            case OFPAT_PUSH_VLAN:
                return new Action.PushVlan(a.readUnsignedShort());
            case OFPAT_POP_VLAN:
                return new Action.PopVlan();
            case OFPAT_SET_FIELD: {
                int header = a.readInt();
                OxmField field = OxmField.fromHeader(header);
                int valueLength = header & 0xff;
                if (field != null && (header & 0x100) == 0 && field.acceptsLength(valueLength)) {
                    return new Action.SetField(field, MatchCodec.readValue(a, valueLength));
                }
                break;
            }
            case OFPAT_EXPERIMENTER: {
                if (length == 16 && a.readUnsignedInt() == OfType.NICIRA) {
                    int subtype = a.readUnsignedShort();
                    int inPort = a.readUnsignedShort();
                    if (subtype == NXAST_RESUBMIT_TABLE) {
                        return new Action.Resubmit(inPort, a.readUnsignedByte());
                    }
                    if (subtype == NXAST_RESUBMIT) {
                        return new Action.Resubmit(inPort, NO_TABLE);
                    }
                }
                break;
            }
            default:
                break;
        }
        byte[] raw = new byte[length];
        a.getBytes(0, raw);
        return new Action.Raw(new RawBytes(raw));
    }
}
