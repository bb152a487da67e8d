package org.ovnl2gw.agent.openflow;

import java.util.Locale;

/** Ethernet addresses as the 48-bit longs the match model keeps. */
final class MacAddresses {
    private MacAddresses() {
    }

    static long parse(String mac) {
        String[] parts = mac.split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not an Ethernet address: " + mac);
        }
        long v = 0;
        for (String p : parts) {
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return v;
    }

    static String format(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            sb.append(String.format(Locale.ROOT, "%02x", (mac >>> (8 * i)) & 0xff));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
