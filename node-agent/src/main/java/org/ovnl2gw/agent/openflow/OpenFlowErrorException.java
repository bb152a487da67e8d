package org.ovnl2gw.agent.openflow;

/**
 * The switch refused a request (OFPT_ERROR). Standard errors have {@link #experimenter()} 0;
 * experimenter errors (Nicira 0x2320, ONF bundles 0x4F4E4600) carry the experimenter id and
 * their own code in {@link #code()}, with {@link #type()} = 0xffff.
 */
public class OpenFlowErrorException extends RuntimeException {
    /** OFPET_EXPERIMENTER. */
    public static final int TYPE_EXPERIMENTER = 0xffff;

    private final int type;
    private final int code;
    private final long experimenter;
    private final String errorName;
    private final RawBytes offendingMessage;

    public OpenFlowErrorException(int type, int code, long experimenter, String errorName,
                                  RawBytes offendingMessage, String context) {
        super(errorName + " (type=" + type + ", code=" + code
                + (experimenter != 0 ? ", experimenter=0x" + Long.toHexString(experimenter) : "") + ")"
                + (context == null ? "" : " for " + context));
        this.type = type;
        this.code = code;
        this.experimenter = experimenter;
        this.errorName = errorName;
        this.offendingMessage = offendingMessage;
    }

    public int type() {
        return type;
    }

    public int code() {
        return code;
    }

    public long experimenter() {
        return experimenter;
    }

    /** Symbolic name as OVS spells it, e.g. {@code OFPBAC_BAD_OUT_PORT}, {@code NXTTMFC_ALREADY_MAPPED}. */
    public String errorName() {
        return errorName;
    }

    /** The start of the request the switch refused, as it echoed it. */
    public RawBytes offendingMessage() {
        return offendingMessage;
    }

    /** Same error, described for the request it answers. */
    OpenFlowErrorException forRequest(String context) {
        return new OpenFlowErrorException(type, code, experimenter, errorName, offendingMessage, context);
    }
}
