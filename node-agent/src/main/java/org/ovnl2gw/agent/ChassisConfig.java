package org.ovnl2gw.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ovnl2gw.agent.bridge.LocalSwitch;
import org.ovnl2gw.contract.BridgeMappings;
import org.ovnl2gw.contract.OvsKeys;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.SslFiles;

/**
 * The chassis settings in effect: command-line overrides first, then the local {@code Open_vSwitch}
 * external_ids that ovn-controller reads ({@code system-id}, {@code ovn-remote}, {@code ovn-encap-type},
 * {@code ovn-encap-ip}, {@code ovn-bridge-mappings}, {@code hostname}).
 */
public record ChassisConfig(String chassisName, String hostname, String southboundRemote, String encapIp,
                            BridgeMappings bridgeMappings) {

    /** The settings, or the list of what is missing or wrong. */
    public static Resolution resolve(AgentOptions options, LocalSwitch local) {
        List<String> problems = new ArrayList<>();
        Optional<String> name = options.chassisName().or(() -> local.externalId("system-id"));
        Optional<String> remote = options.ovnSbDb().or(() -> local.externalId("ovn-remote"));
        Optional<String> ip = options.encapIp().or(() -> local.externalId("ovn-encap-ip"));
        String type = local.externalId("ovn-encap-type").orElse("geneve");
        if (name.isEmpty()) {
            problems.add("no chassis name: set external_ids:system-id or --chassis-name");
        }
        if (remote.isEmpty()) {
            problems.add("no Southbound database: set external_ids:ovn-remote or --ovn-sb-db");
        }
        if (remote.isPresent() && options.ovnSbDb().isEmpty()) {
            try {
                SslFiles.checkRemote(options.ssl(), "external_ids:ovn-remote", OvsdbRemote.parse(remote.get()));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (ip.isEmpty()) {
            problems.add("no tunnel endpoint: set external_ids:ovn-encap-ip or --encap-ip");
        }
        if (!type.equals("geneve")) {
            problems.add("ovn-encap-type is " + type + ": the l2gateway data path needs geneve");
        }
        if (!problems.isEmpty()) {
            return new Resolution(Optional.empty(), problems);
        }
        BridgeMappings mappings = BridgeMappings.parse(
                options.bridgeMappings().or(() -> local.externalId(OvsKeys.BRIDGE_MAPPINGS)).orElse(""));
        String hostname = local.externalId("hostname").orElse(name.get());
        return new Resolution(Optional.of(new ChassisConfig(name.get(), hostname, remote.get(), ip.get(), mappings)),
                List.of());
    }

    /** Either a config or what prevents one. */
    public record Resolution(Optional<ChassisConfig> config, List<String> problems) {
    }
}
