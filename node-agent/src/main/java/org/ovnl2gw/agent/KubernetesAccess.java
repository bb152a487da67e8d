package org.ovnl2gw.agent;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.kube.UnreadableResources;

/**
 * Whether the agent has a Kubernetes API, and a client for it: {@code --kubeconfig}, else {@code KUBECONFIG},
 * else in-cluster when {@code KUBERNETES_SERVICE_HOST} is set. None of them: standalone.
 */
final class KubernetesAccess {
    private static final Logger LOG = Logger.getLogger(KubernetesAccess.class.getName());

    private KubernetesAccess() {
    }

    // A BridgeMapping that does not fit the model would end the informer's watch: read it without its spec
    // (the controller skips spec-less mappings) and say so once.
    private static KubernetesClientBuilder builder() {
        UnreadableResources unreadable = new UnreadableResources(Set.of(BridgeMapping.class),
                u -> LOG.warning(() -> u + "; this node ignores it until it is fixed"));
        return new KubernetesClientBuilder().withKubernetesSerialization(unreadable.serialization());
    }

    static Optional<KubernetesClient> client(AgentOptions options) {
        Optional<String> file = options.kubeconfig()
                .or(() -> Optional.ofNullable(System.getenv("KUBECONFIG")).filter(s -> !s.isBlank()));
        if (file.isPresent()) {
            try {
                Config config = Config.fromKubeconfig(Files.readString(Path.of(file.get())));
                return Optional.of(builder().withConfig(config).build());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read kubeconfig " + file.get() + ": " + e.getMessage(), e);
            }
        }
        if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
            return Optional.of(builder().build());
        }
        return Optional.empty();
    }
}
