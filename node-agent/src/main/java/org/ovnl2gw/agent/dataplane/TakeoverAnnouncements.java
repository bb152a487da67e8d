package org.ovnl2gw.agent.dataplane;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ovnl2gw.agent.dataplane.GatewayPlan.ServedPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;

/**
 * Decides when to announce a logical switch's MACs on the physical network: whenever a port starts being
 * served here (a takeover, a move, the first claim, a new VLAN) and its patch port has an ofport, every MAC of the
 * switch's other ports ({@code Port_Binding.mac}: VIFs, router and virtual ports alike) is announced out of
 * it, so physical learning switches move those MACs behind this gateway at once instead of after their MAC
 * aging. When the port stops being served here the series is stopped. The sending (RARP/GARP frames with
 * OVN's backoff) is {@link MacAnnouncer}'s.
 */
public final class TakeoverAnnouncements {

    private final MacAnnouncer sender;
    /** Per served port, the ofport and VLAN its running series uses. */
    private final Map<String, String> announced = new HashMap<>();

    public TakeoverAnnouncements(MacAnnouncer sender) {
        this.sender = sender;
    }

    /**
     * After a pass has installed the flows of {@code plan}: starts and stops series as the served set changed.
     * {@code patchOfports}: each served port's numbered patch port on br-int (ofport > 0), by logical port (several
     * ports may share one).
     */
    public void served(GatewayPlan plan, SouthboundView view, Map<String, Long> patchOfports) {
        Map<String, String> now = new HashMap<>();
        for (ServedPort port : plan.servedPorts()) {
            Long ofport = patchOfports.get(port.logicalPort());
            if (ofport == null) {
                continue;
            }
            // a new VLAN restarts the series: frames of the old tag would leak onto another VLAN
            String where = ofport + "/" + port.tag();
            now.put(port.logicalPort(), where);
            if (!where.equals(announced.get(port.logicalPort())) && view != null) {
                sender.announce(port.logicalPort(), ofport, port.tag(), addresses(port, view));
            }
        }
        for (String port : List.copyOf(announced.keySet())) {
            if (!now.containsKey(port)) {
                sender.stop(port);
            }
        }
        announced.clear();
        announced.putAll(now);
    }

    /** RARP for each MAC of the switch's other ports, GARP instead where the binding gives its IPv4 address. */
    static List<Announcement> addresses(ServedPort served, SouthboundView view) {
        List<Announcement> addresses = new ArrayList<>();
        for (LogicalPort port : view.ports()) {
            if (port.datapath().equals(served.datapath()) && !port.name().equals(served.logicalPort())
                    && !port.isL2Gateway()) {
                for (String mac : port.macs()) {
                    if (addresses.stream().noneMatch(a -> a.mac().equalsIgnoreCase(mac))) {
                        Optional<Inet4Address> ip = Optional.ofNullable(port.ipv4().get(mac))
                                .flatMap(Announcement::parseIpv4);
                        addresses.add(ip.map(a -> Announcement.garp(mac, a)).orElseGet(() -> Announcement.rarp(mac)));
                    }
                }
            }
        }
        return addresses;
    }

    public void close() {
        sender.close();
    }
}
