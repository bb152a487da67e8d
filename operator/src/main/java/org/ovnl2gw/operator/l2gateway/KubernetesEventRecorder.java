package org.ovnl2gw.operator.l2gateway;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.L2Gateway;

/**
 * {@link EventRecorder} writing core/v1 Events in one namespace (the resources are cluster-scoped, as Nodes are,
 * and Kubernetes puts those events in {@code default}). Written from one background thread so a slow API never
 * slows a reconcile; a lost event is logged, never retried.
 */
public final class KubernetesEventRecorder implements EventRecorder, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KubernetesEventRecorder.class.getName());
    static final String COMPONENT = "ovn-l2gateway-operator";

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    /** Per gateway, the sequence number of the newest {@link #recordLatestState} event not yet written. */
    private final Map<String, Long> latestState = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "l2gateway-events");
        t.setDaemon(true);
        return t;
    });

    public KubernetesEventRecorder(KubernetesClient client, String namespace, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
    }

    /** An Event about a Node, as kubelet's are: where an administrator looks for what concerns that node. */
    public void recordAboutNode(String nodeName, String type, String reason, String message) {
        String time = Condition.formatTime(clock.instant());
        Event event = new EventBuilder()
                .withNewMetadata().withNamespace(namespace)
                .withName(nodeName + "." + Long.toHexString(clock.millis()) + sequence.incrementAndGet()).endMetadata()
                .withNewInvolvedObject().withApiVersion("v1").withKind("Node").withName(nodeName).endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message).withCount(1)
                .withFirstTimestamp(time).withLastTimestamp(time)
                .withNewSource().withComponent(COMPONENT).endSource().withReportingComponent(COMPONENT)
                .build();
        LOG.warning(() -> "Node " + nodeName + ": " + type + " " + reason + ": " + message);
        writer.execute(() -> {
            try {
                client.v1().events().inNamespace(namespace).resource(event).create();
            } catch (RuntimeException e) {
                LOG.warning("could not write event " + reason + " for Node " + nodeName + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void record(L2Gateway about, String type, String reason, String message) {
        write(about, type, reason, message, () -> true);
    }

    /**
     * As {@link #record}, for a state of which only the latest is news (Ready's reason): when a newer one about the
     * same gateway is queued before this one is written, this one is dropped. Under a burst (hundreds of gateways
     * created at once) the writer falls behind and every gateway's passing WaitingFor... states would each cost
     * an API request that no one reads before the next; when the API keeps up, every change is still written.
     */
    public void recordLatestState(L2Gateway about, String type, String reason, String message) {
        String name = about.getMetadata().getName();
        long mine = sequence.incrementAndGet();
        latestState.put(name, mine);
        write(about, type, reason, message, () -> latestState.remove(name, mine));
    }

    private void write(L2Gateway about, String type, String reason, String message, BooleanSupplier stillNews) {
        String name = about.getMetadata().getName();
        String time = Condition.formatTime(clock.instant());
        Event event = new EventBuilder()
                .withNewMetadata().withNamespace(namespace)
                .withName(name + "." + Long.toHexString(clock.millis()) + sequence.incrementAndGet()).endMetadata()
                .withNewInvolvedObject().withApiVersion(L2Gateway.GROUP + "/" + L2Gateway.VERSION).withKind("L2Gateway")
                .withName(name).withUid(about.getMetadata().getUid()).endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message).withCount(1)
                .withFirstTimestamp(time).withLastTimestamp(time)
                .withNewSource().withComponent(COMPONENT).endSource().withReportingComponent(COMPONENT)
                .build();
        LOG.info(() -> "L2Gateway " + name + ": " + type + " " + reason + ": " + message);
        writer.execute(() -> {
            if (!stillNews.getAsBoolean()) {
                LOG.fine(() -> "L2Gateway " + name + ": " + reason + " superseded before it was written; dropped");
                return;
            }
            try {
                client.v1().events().inNamespace(namespace).resource(event).create();
            } catch (RuntimeException e) {
                LOG.warning("could not write event " + reason + " for L2Gateway " + name + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
