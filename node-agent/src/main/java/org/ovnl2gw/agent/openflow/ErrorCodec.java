package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Map;

/** OFPT_ERROR bodies: standard (type, code, data) and experimenter (0xffff, exp_code, id, data). */
final class ErrorCodec {
    static final int OFPET_HELLO_FAILED = 0;
    static final int OFPHFC_INCOMPATIBLE = 0;

    private static final String[] TYPES = {"OFPHFC", "OFPBRC", "OFPBAC", "OFPBIC", "OFPBMC", "OFPFMFC",
        "OFPGMFC", "OFPPMFC", "OFPTMFC", "OFPQOFC", "OFPSCFC", "OFPRRFC", "OFPMMFC", "OFPTFFC"};
    private static final Map<Integer, String[]> CODES = Map.of(
            0, new String[] {"INCOMPATIBLE", "EPERM"},
            1, new String[] {"BAD_VERSION", "BAD_TYPE", "BAD_MULTIPART", "BAD_EXPERIMENTER", "BAD_EXP_TYPE",
                "EPERM", "BAD_LEN", "BUFFER_EMPTY", "BUFFER_UNKNOWN", "BAD_TABLE_ID", "IS_SLAVE", "BAD_PORT",
                "BAD_PACKET", "MULTIPART_BUFFER_OVERFLOW"},
            2, new String[] {"BAD_TYPE", "BAD_LEN", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "BAD_OUT_PORT",
                "BAD_ARGUMENT", "EPERM", "TOO_MANY", "BAD_QUEUE", "BAD_OUT_GROUP", "MATCH_INCONSISTENT",
                "UNSUPPORTED_ORDER", "BAD_TAG", "BAD_SET_TYPE", "BAD_SET_LEN", "BAD_SET_ARGUMENT"},
            3, new String[] {"UNKNOWN_INST", "UNSUP_INST", "BAD_TABLE_ID", "UNSUP_METADATA",
                "UNSUP_METADATA_MASK", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "BAD_LEN", "EPERM"},
            4, new String[] {"BAD_TYPE", "BAD_LEN", "BAD_TAG", "BAD_DL_ADDR_MASK", "BAD_NW_ADDR_MASK",
                "BAD_WILDCARDS", "BAD_FIELD", "BAD_VALUE", "BAD_MASK", "BAD_PREREQ", "DUP_FIELD", "EPERM"},
            5, new String[] {"UNKNOWN", "TABLE_FULL", "BAD_TABLE_ID", "OVERLAP", "EPERM", "BAD_TIMEOUT",
                "BAD_COMMAND", "BAD_FLAGS"});
    /** Nicira codes as OVS's ofp-errors.h numbers them for OpenFlow 1.2+ ("NX1.2+(n)"). */
    private static final Map<Integer, String> NICIRA_CODES = Map.ofEntries(
            Map.entry(2, "NXBRC_NXM_INVALID"), Map.entry(3, "NXBRC_NXM_BAD_TYPE"),
            Map.entry(4, "NXBRC_MUST_BE_ZERO"), Map.entry(11, "NXBAC_MUST_BE_ZERO"),
            Map.entry(16, "NXTTMFC_BAD_COMMAND"), Map.entry(17, "NXTTMFC_BAD_OPT_LEN"),
            Map.entry(18, "NXTTMFC_BAD_FIELD_IDX"), Map.entry(19, "NXTTMFC_TABLE_FULL"),
            Map.entry(20, "NXTTMFC_ALREADY_MAPPED"), Map.entry(21, "NXTTMFC_DUP_ENTRY"),
            Map.entry(38, "NXTTMFC_INVALID_TLV_DEL"));
    /** ONF bundle codes are 2300 + the OpenFlow 1.4 OFPBFC code ("ONF1.3(2300+n)"). */
    private static final String[] BUNDLE_CODES = {"UNKNOWN", "EPERM", "BAD_ID", "BUNDLE_EXIST", "BUNDLE_CLOSED",
        "OUT_OF_BUNDLES", "BAD_TYPE", "BAD_FLAGS", "MSG_BAD_LEN", "MSG_BAD_XID", "MSG_UNSUP", "MSG_CONFLICT",
        "MSG_TOO_MANY", "MSG_FAILED", "TIMEOUT", "BUNDLE_IN_PROGRESS"};
    private static final int ONF_BUNDLE_CODE_BASE = 2300;

    private ErrorCodec() {
    }

    static OpenFlowErrorException decode(byte[] body) {
        if (body.length < 4) {
            throw new OpenFlowCodecException("error body of " + body.length + " bytes");
        }
        ByteBuf in = Unpooled.wrappedBuffer(body);
        int type = in.readUnsignedShort();
        int code = in.readUnsignedShort();
        long experimenter = 0;
        if (type == OpenFlowErrorException.TYPE_EXPERIMENTER && in.readableBytes() >= 4) {
            experimenter = in.readUnsignedInt();
        }
        byte[] data = Arrays.copyOfRange(body, in.readerIndex(), body.length);
        return new OpenFlowErrorException(type, code, experimenter, name(type, code, experimenter),
                new RawBytes(data), null);
    }

    static byte[] encode(int type, int code, byte[] data) {
        ByteBuf out = Unpooled.buffer();
        out.writeShort(type);
        out.writeShort(code);
        out.writeBytes(data);
        return ByteBufUtil.getBytes(out);
    }

    static String name(int type, int code, long experimenter) {
        if (type == OpenFlowErrorException.TYPE_EXPERIMENTER) {
            if (experimenter == OfType.NICIRA) {
                return NICIRA_CODES.getOrDefault(code, "NX_ERROR_" + code);
            }
            int bundleCode = code - ONF_BUNDLE_CODE_BASE;
            if (experimenter == OfType.ONF && bundleCode >= 0 && bundleCode < BUNDLE_CODES.length) {
                return "OFPBFC_" + BUNDLE_CODES[bundleCode];
            }
            return "EXPERIMENTER_0x" + Long.toHexString(experimenter) + "_" + code;
        }
        if (type >= TYPES.length) {
            return "OFPET_" + type + "_" + code;
        }
        String[] codes = CODES.get(type);
        String codeName = codes != null && code < codes.length ? codes[code] : Integer.toString(code);
        return TYPES[type] + "_" + codeName;
    }
}
