package org.ovnl2gw.testbed.kube;

import java.time.Duration;

/**
 * An age as Kubernetes prints it in {@code AGE} columns ({@code 45s}, {@code 3m12s}, {@code 5h20m}, {@code 3d4h},
 * {@code 2y30d}): the finer unit is shown only while the coarser one is small, so a column stays short. The API
 * server, not kubectl, renders {@code date} printer columns this way, so the front must too.
 */
final class HumanDuration {
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR = 365 * DAY;

    private HumanDuration() {
    }

    static String of(Duration age) {
        // whole seconds towards zero: -1.5s is -1s, which counts as skew below
        long seconds = age.isNegative() ? -age.negated().getSeconds() : age.getSeconds();
        // up to a second in the future is clock skew between machines, not an invalid time
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 2 * MINUTE) {
            return seconds + "s";
        }
        long minutes = seconds / MINUTE;
        if (minutes < 10) {
            return withRest(minutes, "m", seconds % MINUTE, "s");
        }
        if (minutes < 3 * 60) {
            return minutes + "m";
        }
        long hours = seconds / HOUR;
        if (hours < 8) {
            return withRest(hours, "h", minutes % 60, "m");
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = seconds / DAY;
        if (days < 8) {
            return withRest(days, "d", hours % 24, "h");
        }
        if (days < 2 * 365) {
            return days + "d";
        }
        long years = seconds / YEAR;
        if (years < 8) {
            return withRest(years, "y", days % 365, "d");
        }
        return years + "y";
    }

    private static String withRest(long whole, String unit, long rest, String restUnit) {
        return rest == 0 ? whole + unit : whole + unit + rest + restUnit;
    }
}
