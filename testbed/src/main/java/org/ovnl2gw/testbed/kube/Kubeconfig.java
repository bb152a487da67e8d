package org.ovnl2gw.testbed.kube;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kubeconfig for the embedded API: one cluster, one user, one context, all named {@value #NAME}. Plain http
 * and a dummy token: the embedded API authenticates no one, but a user entry with some credential keeps every
 * client from prompting or falling back to other config.
 */
final class Kubeconfig {
    static final String NAME = "embedded";

    private Kubeconfig() {
    }

    static Path write(Path file, String serverUrl) {
        Config config = new ConfigBuilder()
                .withApiVersion("v1")
                .withKind("Config")
                .addNewCluster().withName(NAME).withNewCluster().withServer(serverUrl).endCluster().endCluster()
                .addNewUser().withName(NAME).withNewUser().withToken("embedded-kube-api").endUser().endUser()
                .addNewContext().withName(NAME).withNewContext()
                    .withCluster(NAME).withUser(NAME).withNamespace("default")
                .endContext().endContext()
                .withCurrentContext(NAME)
                .build();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Serialization.asYaml(config));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file, e);
        }
    }
}
