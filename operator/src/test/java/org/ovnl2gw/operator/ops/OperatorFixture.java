package org.ovnl2gw.operator.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ovnl2gw.operator.Main;
import org.ovnl2gw.operator.config.OperatorOptions;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * The operator as it runs in a cluster, in this JVM: real OVN central (NB, SB ovsdb-server and northd, stopped
 * by pid on close), the embedded Kubernetes API with our CRDs, and {@link Main.RunningOperator} started from a
 * command line with ephemeral metrics and health ports.
 */
public final class OperatorFixture implements AutoCloseable {
    public static final String IDENTITY = "it-operator";

    private final Testbed testbed;
    private final EmbeddedKubeApi kube;
    private final OvnCentral central;
    private final Main.RunningOperator operator;
    private final List<String> args;
    private final AtomicInteger lostLeadership;
    private final HttpClient http = HttpClient.newHttpClient();

    private OperatorFixture(Testbed testbed, EmbeddedKubeApi kube, OvnCentral central, Main.RunningOperator operator,
                            List<String> args, AtomicInteger lostLeadership) {
        this.testbed = testbed;
        this.kube = kube;
        this.central = central;
        this.operator = operator;
        this.args = List.copyOf(args);
        this.lostLeadership = lostLeadership;
    }

    /** Starts everything; {@code extraArgs} are appended to the operator's command line. */
    public static OperatorFixture start(String prefix, String... extraArgs) {
        Testbed testbed = Testbed.create(prefix);
        EmbeddedKubeApi kube = null;
        try {
            OvnCentral central = testbed.startCentral();
            kube = EmbeddedKubeApi.start(0);
            // failsafe runs in the module directory; the CRDs are generated into the repository's crds/
            kube.applyCrds(Path.of("..", "crds"));
            Path kubeconfig = kube.writeKubeconfig(testbed.baseDir().resolve("kubeconfig"));
            List<String> args = new ArrayList<>(List.of("--ovn-nb-db", central.nbRemote(),
                    "--ovn-sb-db", central.sbRemote(), "--kubeconfig", kubeconfig.toString(),
                    "--bind-address", "127.0.0.1", "--metrics-port", "0", "--health-port", "0",
                    "--leader-election-identity", IDENTITY));
            args.addAll(List.of(extraArgs));
            AtomicInteger lost = new AtomicInteger();
            Main.RunningOperator operator = Main.RunningOperator.start(
                    OperatorOptions.parse(args.toArray(String[]::new)), Map.of(), lost::incrementAndGet);
            return new OperatorFixture(testbed, kube, central, operator, args, lost);
        } catch (RuntimeException | Error e) {
            if (kube != null) {
                kube.close();
            }
            testbed.close();
            throw e;
        }
    }

    /**
     * A second replica of the operator with the same command line but another identity, as a Deployment with
     * two replicas runs it. The caller closes it.
     */
    public Main.RunningOperator startReplica(String identity) {
        List<String> replicaArgs = new ArrayList<>(args);
        replicaArgs.set(replicaArgs.indexOf("--leader-election-identity") + 1, identity);
        return Main.RunningOperator.start(OperatorOptions.parse(replicaArgs.toArray(String[]::new)), Map.of(),
                lostLeadership::incrementAndGet);
    }

    public EmbeddedKubeApi kube() {
        return kube;
    }

    public OvnCentral central() {
        return central;
    }

    public Main.RunningOperator operator() {
        return operator;
    }

    /** How often the operator was told it lost the Lease (should stay 0 in these tests). */
    public int lostLeadership() {
        return lostLeadership.get();
    }

    /** GET http://127.0.0.1:port/path; the status code and body. */
    public HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The current metrics, parsed. */
    public Map<String, Double> metrics() {
        HttpResponse<String> response = get(operator.metricsPort(), "/metrics");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + response.statusCode());
        }
        return PrometheusTextParser.parse(response.body());
    }

    @Override
    public void close() {
        try {
            operator.close();
        } finally {
            try {
                kube.close();
            } finally {
                testbed.close();
            }
        }
    }
}
