package org.ovnl2gw.operator.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import org.ovnl2gw.kube.UnreadableResources;
import org.ovnl2gw.operator.Main;
import org.ovnl2gw.operator.events.KubernetesEventRecorder;
import org.ovnl2gw.operator.l2gateway.L2GatewayMetrics;
import org.ovnl2gw.operator.l2gateway.L2GatewayReconciler;
import org.ovnl2gw.operator.l2gateway.L2GatewaySettings;
import org.ovnl2gw.operator.l2gateway.OrphanCollector;
import org.ovnl2gw.operator.ovn.OvsdbNorthboundClient;
import org.ovnl2gw.operator.ovn.OvsdbSouthboundClient;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * The L2Gateway side of the operator, wired as Main wires it (JOSDK without server-side apply, the reconciler
 * registered through {@link L2GatewayReconciler#registerWith}, the orphan collector started), against an
 * embedded Kubernetes API and real NB/SB databases. Closing it is an operator crash or shutdown: OVN keeps
 * what was written.
 */
final class OperatorUnderTest implements AutoCloseable {
    final KubernetesClient client;
    final OvsdbNorthboundClient nb;
    final OvsdbSouthboundClient sb;
    final L2GatewayReconciler reconciler;
    final OrphanCollector orphans;
    final KubernetesEventRecorder events;
    final Operator operator;

    private OperatorUnderTest(EmbeddedKubeApi api, String nbRemote, String sbRemote, L2GatewaySettings settings,
                              L2GatewayMetrics metrics) throws InterruptedException {
        UnreadableResources unreadable = Main.RunningOperator.unreadableResources();
        client = new KubernetesClientBuilder().withConfig(api.clientConfig())
                .withKubernetesSerialization(unreadable.serialization()).build();
        nb = OvsdbNorthboundClient.connect(nbRemote, settings.transactTimeout());
        sb = OvsdbSouthboundClient.connect(sbRemote, settings.transactTimeout());
        if (!nb.awaitConnected(Duration.ofSeconds(20)) || !sb.awaitConnected(Duration.ofSeconds(20))) {
            throw new IllegalStateException("operator could not connect to NB/SB");
        }
        events = new KubernetesEventRecorder(client, settings.eventNamespace(), Clock.systemUTC());
        reconciler = Main.l2GatewayReconciler(client, nb, sb, Clock.systemUTC(), metrics, events, settings, unreadable);
        operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
                .withUseSSAToPatchPrimaryResource(false).withSSABasedCreateUpdateMatchForDependentResources(false)
                .withConcurrentReconciliationThreads(20));
        L2GatewayReconciler.registerWith(operator, reconciler);
        operator.start();
        orphans = new OrphanCollector(client, nb, settings);
        orphans.start();
    }

    static OperatorUnderTest start(EmbeddedKubeApi api, String nbRemote, String sbRemote, L2GatewaySettings settings)
            throws InterruptedException {
        return new OperatorUnderTest(api, nbRemote, sbRemote, settings, L2GatewayMetrics.NONE);
    }

    static OperatorUnderTest start(EmbeddedKubeApi api, String nbRemote, String sbRemote, L2GatewaySettings settings,
                                   L2GatewayMetrics metrics) throws InterruptedException {
        return new OperatorUnderTest(api, nbRemote, sbRemote, settings, metrics);
    }

    @Override
    public void close() {
        orphans.close();
        try {
            operator.stop();
        } catch (RuntimeException e) {
            // already stopping; the rest must still be released
        }
        reconciler.close();
        events.close();
        nb.close();
        sb.close();
        client.close();
    }
}
