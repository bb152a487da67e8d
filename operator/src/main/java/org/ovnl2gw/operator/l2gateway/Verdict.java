package org.ovnl2gw.operator.l2gateway;

/** One finding for one condition: fine or not, with a CamelCase reason and a sentence for people. */
public record Verdict(boolean ok, String reason, String message) {
    public static Verdict ok(String reason, String message) {
        return new Verdict(true, reason, message);
    }

    public static Verdict fail(String reason, String message) {
        return new Verdict(false, reason, message);
    }
}
