package org.ovnl2gw.agent.dataplane;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One address to announce on the physical network after a takeover: a MAC alone is announced with a RARP,
 * a MAC with an IPv4 address with a gratuitous ARP, as ovn-controller does for localnet ports.
 *
 * @param mac  the Ethernet address, lower case with colons
 * @param ipv4 the IPv4 address it owns, if known
 */
public record Announcement(String mac, Optional<Inet4Address> ipv4) {
    private static final Pattern MAC = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");

    public Announcement {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ipv4, "ipv4");
        if (!MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("not an Ethernet address: " + mac);
        }
        mac = mac.toLowerCase(Locale.ROOT);
    }

    /** A RARP for {@code mac}. */
    public static Announcement rarp(String mac) {
        return new Announcement(mac, Optional.empty());
    }

    /** A gratuitous ARP for {@code mac} owning {@code ipv4}. */
    public static Announcement garp(String mac, Inet4Address ipv4) {
        return new Announcement(mac, Optional.of(ipv4));
    }

    /**
     * The announcements for one entry of a {@code Port_Binding.mac} column ("MAC [IP ...]"): a gratuitous
     * ARP per IPv4 address, or one RARP when there is none (IPv6-only ports: OVN sends RARP for them too).
     * Entries that name no MAC ({@code unknown}, {@code router}, {@code dynamic}) give nothing.
     */
    public static List<Announcement> fromPortBindingMac(String entry) {
        String[] words = entry.strip().split("\\s+");
        if (words.length == 0 || !MAC.matcher(words[0]).matches()) {
            return List.of();
        }
        List<Announcement> announcements = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            parseIpv4(words[i]).map(ip -> garp(words[0], ip)).filter(a -> !announcements.contains(a))
                    .ifPresent(announcements::add);
        }
        return announcements.isEmpty() ? List.of(rarp(words[0])) : List.copyOf(announcements);
    }

    /** {@link #fromPortBindingMac} over every entry of every port, each announcement once, in order. */
    public static List<Announcement> fromPortBindingMacs(Collection<String> entries) {
        Set<Announcement> all = new LinkedHashSet<>();
        for (String entry : entries) {
            all.addAll(fromPortBindingMac(entry));
        }
        return List.copyOf(all);
    }

    /** A dotted-quad IPv4 literal (an optional /prefix ignored); never a name lookup. */
    static Optional<Inet4Address> parseIpv4(String word) {
        String address = word.contains("/") ? word.substring(0, word.indexOf('/')) : word;
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet;
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    @Override
    public String toString() {
        return ipv4.map(ip -> "garp " + mac + " " + ip.getHostAddress()).orElse("rarp " + mac);
    }
}
