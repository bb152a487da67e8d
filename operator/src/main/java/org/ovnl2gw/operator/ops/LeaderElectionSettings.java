package org.ovnl2gw.operator.ops;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the leader election options into java-operator-sdk's configuration: which Lease (namespace and name),
 * which identity. Defaults follow the Downward API convention (POD_NAMESPACE, POD_NAME).
 */
public final class LeaderElectionSettings {

    private LeaderElectionSettings() {
    }

    /** The Lease namespace: the option, else POD_NAMESPACE, else the client's namespace, else "default". */
    public static String namespace(Optional<String> option, Map<String, String> env, String clientNamespace) {
        return option.or(() -> nonBlank(env.get("POD_NAMESPACE")))
                .or(() -> nonBlank(clientNamespace))
                .orElse("default");
    }

    /** This replica's identity: the option, else POD_NAME, else the host name. */
    public static String identity(Optional<String> option, Map<String, String> env) {
        return option.or(() -> nonBlank(env.get("POD_NAME"))).orElseGet(LeaderElectionSettings::hostName);
    }

    /**
     * The configuration: the JOSDK default timings (15 s lease, 10 s renew deadline, 2 s retry), and never
     * {@code System.exit} from inside the SDK: {@link LeaderState} decides what losing the Lease means.
     */
    public static LeaderElectionConfiguration configuration(String namespace, String leaseName, LeaderState state) {
        return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(leaseName)
                .withLeaseNamespace(namespace)
                .withIdentity(state.identity())
                .withLeaderCallbacks(state.callbacks())
                .withExitOnStopLeading(false)
                .build();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ovn-l2gw-operator-" + ProcessHandle.current().pid();
        }
    }
}
