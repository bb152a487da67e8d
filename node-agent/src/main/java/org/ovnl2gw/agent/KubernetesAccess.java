package org.ovnl2gw.agent;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the agent has a Kubernetes API, and a client for it: {@code --kubeconfig}, else {@code KUBECONFIG},
 * else in-cluster when {@code KUBERNETES_SERVICE_HOST} is set. None of them: standalone.
 */
final class KubernetesAccess {
    private KubernetesAccess() {
    }

    static Optional<KubernetesClient> client(AgentOptions options) {
        Optional<String> file = options.kubeconfig()
                .or(() -> Optional.ofNullable(System.getenv("KUBECONFIG")).filter(s -> !s.isBlank()));
        if (file.isPresent()) {
            try {
                Config config = Config.fromKubeconfig(Files.readString(Path.of(file.get())));
                return Optional.of(new KubernetesClientBuilder().withConfig(config).build());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read kubeconfig " + file.get() + ": " + e.getMessage(), e);
            }
        }
        if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
            return Optional.of(new KubernetesClientBuilder().build());
        }
        return Optional.empty();
    }
}
