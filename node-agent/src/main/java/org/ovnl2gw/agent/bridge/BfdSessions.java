package org.ovnl2gw.agent.bridge;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ovnl2gw.contract.OvsKeys;

/**
 * Reads what ovs-vswitchd reports in {@code Interface:bfd_status} of our tunnels. BFD runs in ovs-vswitchd, not
 * in this agent, so a gateway whose agent died keeps answering its peers (and keeps forwarding) while its switch
 * lives; a node that dies stops answering within the detection time (3 x the interval).
 *
 * <p>A peer is down only on evidence: the session is not forwarding and either its detection time expired after
 * it had been up ({@code diagnostic="Control Detection Time Expired"}) or the peer itself signalled that it must
 * not be used ({@code remote_diagnostic} a path down, which is how a gateway that cannot program its flows steps
 * down). A session that never came up, or one that restarted with our own switch, is no evidence.
 */
public final class BfdSessions {
    static final String DETECTION_EXPIRED = "Control Detection Time Expired";

    private BfdSessions() {
    }

    /** The BFD settings of a tunnel to a peer gateway: both ends must agree on them. */
    public static Map<String, String> config(int intervalMillis, boolean pathDown) {
        String interval = Integer.toString(intervalMillis);
        return pathDown
                ? Map.of("enable", "true", "min_rx", interval, "min_tx", interval, "cpath_down", "true")
                : Map.of("enable", "true", "min_rx", interval, "min_tx", interval);
    }

    /** The chassis (by our tunnels' {@code external_ids:ovn-chassis-id}) that BFD says are down. */
    public static Set<String> down(Iterable<LocalSwitch.PortState> ports) {
        Set<String> down = new TreeSet<>();
        for (LocalSwitch.PortState port : ports) {
            String chassis = port.portExternalIds().get(OvsKeys.CHASSIS_ID);
            if (chassis != null && isDown(port.bfd(), port.bfdStatus())) {
                down.add(chassis);
            }
        }
        return down;
    }

    /** The chassis whose BFD session on our tunnel forwards now. */
    public static Set<String> up(Iterable<LocalSwitch.PortState> ports) {
        Set<String> up = new TreeSet<>();
        for (LocalSwitch.PortState port : ports) {
            String chassis = port.portExternalIds().get(OvsKeys.CHASSIS_ID);
            if (chassis != null && "true".equals(port.bfd().get("enable"))
                    && "true".equals(port.bfdStatus().get("forwarding"))) {
                up.add(chassis);
            }
        }
        return up;
    }

    /** {@code bfd_status:flap_count} of each peer's session. */
    public static java.util.Map<String, Long> flaps(Iterable<LocalSwitch.PortState> ports) {
        java.util.Map<String, Long> flaps = new java.util.TreeMap<>();
        for (LocalSwitch.PortState port : ports) {
            String chassis = port.portExternalIds().get(OvsKeys.CHASSIS_ID);
            String count = port.bfdStatus().get("flap_count");
            if (chassis != null && count != null && count.matches("\\d+")) {
                flaps.put(chassis, Long.parseLong(count));
            }
        }
        return flaps;
    }

    static boolean isDown(Map<String, String> bfd, Map<String, String> status) {
        if (!"true".equals(bfd.get("enable")) || !"false".equals(status.get("forwarding"))) {
            return false;
        }
        String remote = status.getOrDefault("remote_diagnostic", "");
        return DETECTION_EXPIRED.equals(status.get("diagnostic")) || remote.contains("Path Down");
    }
}
