package org.ovnl2gw.ovsdb;

/** The comparison functions of RFC 7047 §5.1 conditions. */
public enum ConditionFunction {
    EQUALS("=="), NOT_EQUALS("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
    INCLUDES("includes"), EXCLUDES("excludes");

    private final String wire;

    ConditionFunction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
