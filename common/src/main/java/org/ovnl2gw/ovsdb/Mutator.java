package org.ovnl2gw.ovsdb;

/** The mutators of RFC 7047 §5.1 mutations. */
public enum Mutator {
    ADD("+="), SUBTRACT("-="), MULTIPLY("*="), DIVIDE("/="), MODULO("%="), INSERT("insert"), DELETE("delete");

    private final String wire;

    Mutator(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
