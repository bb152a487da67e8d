package org.ovnl2gw.operator.bridgemapping;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.L2Gateway;

/**
 * Writes a core/v1 Event for each {@link ReadyTransition} of a BridgeMapping, in one namespace (BridgeMappings
 * are cluster-scoped). A background thread writes them so a slow API never slows a reconcile; a lost event is
 * logged, not retried.
 */
public final class BridgeMappingEventRecorder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BridgeMappingEventRecorder.class.getName());
    private static final String COMPONENT = "ovn-l2gateway-operator";

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bridgemapping-events");
        t.setDaemon(true);
        return t;
    });

    public BridgeMappingEventRecorder(KubernetesClient client, String namespace, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
    }

    public void record(BridgeMapping about, ReadyTransition transition) {
        String name = about.getMetadata().getName();
        String time = Condition.formatTime(clock.instant());
        Event event = new EventBuilder()
                .withNewMetadata().withNamespace(namespace)
                .withName(name + "." + Long.toHexString(clock.millis()) + sequence.incrementAndGet()).endMetadata()
                .withNewInvolvedObject().withApiVersion(L2Gateway.GROUP + "/" + L2Gateway.VERSION)
                .withKind("BridgeMapping").withName(name).withUid(about.getMetadata().getUid()).endInvolvedObject()
                .withType(transition.type()).withReason(transition.reason()).withMessage(transition.message())
                .withCount(1).withFirstTimestamp(time).withLastTimestamp(time)
                .withNewSource().withComponent(COMPONENT).endSource().withReportingComponent(COMPONENT)
                .build();
        writer.execute(() -> {
            try {
                client.v1().events().inNamespace(namespace).resource(event).create();
            } catch (RuntimeException e) {
                LOG.warning(() -> "could not write event " + transition.reason() + " for BridgeMapping " + name
                        + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
