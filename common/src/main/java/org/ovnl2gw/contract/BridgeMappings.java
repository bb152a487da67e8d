package org.ovnl2gw.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ovn-bridge-mappings}: physical network name to local OVS bridge, written
 * {@code physnet1:br-eth0,physnet2:br-eth1}, in {@code Open_vSwitch:external_ids} (where ovn-controller and
 * the agent read it) and in {@code Chassis:other_config} (where the operator reads which networks a chassis
 * provides). The one parser of that list for both programs. Order is kept so that what we write back reads as
 * before.
 */
public record BridgeMappings(Map<String, String> bridgeByNetwork) {
    public static final BridgeMappings NONE = new BridgeMappings(Map.of());

    public BridgeMappings {
        bridgeByNetwork = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bridgeByNetwork));
    }

    /** Parses the external_ids value; malformed entries (no ':', empty parts) are skipped. */
    public static BridgeMappings parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text != null) {
            for (String entry : text.split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0 || colon == entry.length() - 1) {
                    continue;
                }
                map.putIfAbsent(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
            }
        }
        return new BridgeMappings(map);
    }

    /** The physical networks the list provides. */
    public Set<String> networks() {
        return bridgeByNetwork.keySet();
    }

    public Optional<String> bridgeFor(String network) {
        return Optional.ofNullable(bridgeByNetwork.get(network));
    }

    public String format() {
        return bridgeByNetwork.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return format();
    }
}
