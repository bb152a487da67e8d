package org.ovnl2gw.testbed.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Kubernetes API on a loopback port, backed by fabric8's in-memory CRUD mock behind {@link KubeApiFront}, so
 * that both fabric8 clients (the operator, java-operator-sdk) and the installed {@code kubectl} can use it.
 *
 * <pre>{@code
 * try (EmbeddedKubeApi api = EmbeddedKubeApi.start(0)) {
 *     api.applyCrds(Path.of("crds"));
 *     api.writeKubeconfig(dir.resolve("kubeconfig"));   // kubectl --kubeconfig ...
 *     api.client().resources(L2Gateway.class).list();
 * }
 * }</pre>
 */
public final class EmbeddedKubeApi implements AutoCloseable {
    /**
     * A request header for tests that must store what only an API without schema would store (an object that
     * does not match its CRD): writes carrying it with the value {@code true} are not checked against the schema.
     */
    public static final String SKIP_SCHEMA_HEADER = "X-Embedded-Api-Skip-Schema";

    private final KubeHttpServer server;
    private final int port;
    private final String url;
    private final KubernetesClient client;
    private final KubernetesClient schemaLessClient;

    private EmbeddedKubeApi(KubeHttpServer server, int port) {
        this.server = server;
        this.port = port;
        this.url = "http://127.0.0.1:" + port;
        // Vert.x's HTTP client, named: fabric8 would pick at random between it and the JDK's where node-agent
        // brings that one too (the operator module's tests), and the two differ in cost per request.
        this.client = new KubernetesClientBuilder().withConfig(clientConfig())
                .withHttpClientFactory(new VertxHttpClientFactory()).build();
        this.schemaLessClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(clientConfig())
                .addToCustomHeaders(SKIP_SCHEMA_HEADER, "true").build())
                .withHttpClientFactory(new VertxHttpClientFactory()).build();
    }

    /** Starts the API on 127.0.0.1:{@code port}; 0 picks a free port (see {@link #port()}). */
    public static EmbeddedKubeApi start(int port) {
        KubeApiFront front = new KubeApiFront(new IndexedCrudStore(), new IndexedCrudStore());
        KubeHttpServer server = new KubeHttpServer(front, front::watchEvents);
        EmbeddedKubeApi api = new EmbeddedKubeApi(server, server.start("127.0.0.1", port));
        api.createStandardNamespaces();
        return api;
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return url;
    }

    public int port() {
        return port;
    }

    /** A client for this API, shared and closed by {@link #close()}. */
    public KubernetesClient client() {
        return client;
    }

    /**
     * A client whose writes skip the CRD schema (see {@link #SKIP_SCHEMA_HEADER}): for tests of what the operator
     * does with objects a cluster's admission would have refused but that can still arrive (admission bypassed,
     * CRD skew). Shared and closed by {@link #close()}.
     */
    public KubernetesClient schemaLessClient() {
        return schemaLessClient;
    }

    /** Configuration for callers that build their own client (an operator under test, say). */
    public Config clientConfig() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withNamespace("default")
                .build();
    }

    /** Writes a kubeconfig for this API (accepted by fabric8 and kubectl) to {@code file} and returns it. */
    public Path writeKubeconfig(Path file) {
        return Kubeconfig.write(file, url);
    }

    /** How many requests the API has received since it started. */
    public int requestCount() {
        return server.requestCount();
    }

    /**
     * Creates, or updates when present, every CustomResourceDefinition in the {@code *.yaml} and {@code *.yml}
     * files directly in {@code crdsDir}, in file name order; other kinds in those files are ignored.
     *
     * @return the names of the CRDs applied
     */
    public List<String> applyCrds(Path crdsDir) {
        List<String> applied = new ArrayList<>();
        for (Path file : yamlFiles(crdsDir)) {
            try (InputStream in = Files.newInputStream(file)) {
                for (HasMetadata item : client.load(in).items()) {
                    if (item instanceof CustomResourceDefinition crd) {
                        client.resource(crd).createOr(NonDeletingOperation::update);
                        applied.add(crd.getMetadata().getName());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return applied;
    }

    // Every real cluster has them, and kubectl's default context namespace is "default".
    private void createStandardNamespaces() {
        for (String name : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                    .create();
        }
    }

    @Override
    public void close() {
        client.close();
        schemaLessClient.close();
        server.close();
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

}
