package org.ovnl2gw.operator.config;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides where the Kubernetes API is, in the order users expect from kubectl and controllers: an explicit
 * {@code --kubeconfig}, else the {@code KUBECONFIG} variable, else the pod's service account (in-cluster).
 * Reports which one it chose so the start-up log says it.
 */
public final class KubernetesConfigResolver {

    /** A client configuration and a sentence saying where it came from. */
    public record ResolvedConfig(Config config, String source) {
    }

    private KubernetesConfigResolver() {
    }

    public static ResolvedConfig resolve(Optional<Path> kubeconfigOption, Map<String, String> environment) {
        if (kubeconfigOption.isPresent()) {
            return fromFile(kubeconfigOption.get(), "--kubeconfig");
        }
        String fromEnv = environment.get("KUBECONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            // KUBECONFIG may list several files; like most controllers we use the first one.
            String first = fromEnv.split(java.io.File.pathSeparator)[0];
            return fromFile(Path.of(first), "KUBECONFIG");
        }
        // autoConfigure reads the service account when KUBERNETES_SERVICE_HOST is set (and ~/.kube/config
        // otherwise, which is what a developer running the jar by hand wants).
        String where = environment.containsKey("KUBERNETES_SERVICE_HOST") ? "in-cluster service account"
                : "default kubeconfig (~/.kube/config), no KUBECONFIG and not in a cluster";
        return new ResolvedConfig(Config.autoConfigure(null), where);
    }

    private static ResolvedConfig fromFile(Path file, String how) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(how + ": cannot read kubeconfig " + file);
        }
        return new ResolvedConfig(Config.fromKubeconfig(file.toFile()), how + " " + file);
    }
}
