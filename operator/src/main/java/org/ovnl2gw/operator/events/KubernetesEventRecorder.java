package org.ovnl2gw.operator.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
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
        Thread t = new Thread(r, "kubernetes-events");
        t.setDaemon(true);
        return t;
    });

    public KubernetesEventRecorder(KubernetesClient client, String namespace, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
    }

    @Override
    public void recordAboutNode(String nodeName, String type, String reason, String message) {
        LOG.warning(() -> "Node " + nodeName + ": " + type + " " + reason + ": " + message);
        write(new ObjectReferenceBuilder().withApiVersion("v1").withKind("Node").withName(nodeName).build(),
                type, reason, message, () -> true);
    }

    @Override
    public void record(HasMetadata about, String type, String reason, String message) {
        write(about, type, reason, message, () -> true);
    }

    /**
     * As {@link #record}, for a state of which only the latest is news (Ready's reason): when a newer one about the
     * same resource is queued before this one is written, this one is dropped. Under a burst (hundreds of gateways
     * created at once) the writer falls behind and every gateway's passing WaitingFor... states would each cost
     * an API request that no one reads before the next; when the API keeps up, every change is still written.
     */
    @Override
    public void recordLatestState(HasMetadata about, String type, String reason, String message) {
        String key = HasMetadata.getKind(about.getClass()) + "/" + about.getMetadata().getName();
        long mine = sequence.incrementAndGet();
        latestState.put(key, mine);
        write(about, type, reason, message, () -> latestState.remove(key, mine));
    }

    private void write(HasMetadata about, String type, String reason, String message, BooleanSupplier stillNews) {
        String kind = HasMetadata.getKind(about.getClass());
        String name = about.getMetadata().getName();
        LOG.info(() -> kind + " " + name + ": " + type + " " + reason + ": " + message);
        write(new ObjectReferenceBuilder().withApiVersion(HasMetadata.getApiVersion(about.getClass()))
                .withKind(kind).withName(name).withUid(about.getMetadata().getUid()).build(), type, reason, message,
                stillNews);
    }

    private void write(ObjectReference involved, String type, String reason, String message,
                       BooleanSupplier stillNews) {
        String time = Condition.formatTime(clock.instant());
        Event event = new EventBuilder()
                .withNewMetadata().withNamespace(namespace)
                .withName(involved.getName() + "." + Long.toHexString(clock.millis()) + sequence.incrementAndGet())
                .endMetadata()
                .withInvolvedObject(involved)
                .withType(type).withReason(reason).withMessage(message).withCount(1)
                .withFirstTimestamp(time).withLastTimestamp(time)
                .withNewSource().withComponent(COMPONENT).endSource().withReportingComponent(COMPONENT)
                .build();
        writer.execute(() -> {
            if (!stillNews.getAsBoolean()) {
                LOG.fine(() -> involved.getKind() + " " + involved.getName() + ": " + reason
                        + " superseded before it was written; dropped");
                return;
            }
            try {
                client.v1().events().inNamespace(namespace).resource(event).create();
            } catch (RuntimeException e) {
                LOG.warning("could not write event " + reason + " for " + involved.getKind() + " "
                        + involved.getName() + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
