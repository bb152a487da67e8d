package org.ovnl2gw.operator.l2gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;

/**
 * Writes an L2Gateway's status whole: one JSON Patch {@code add /status} with the complete status, so what the
 * API server stores is exactly what the calculator computed, whatever copy of the resource the reconcile started
 * from. (JOSDK's non-SSA status patch is a diff against the copy the reconcile was given; from a stale informer
 * copy that diff leaves fields of an earlier write in place, which is how a condition once came out with the
 * status and reason of one verdict and the message of another, and stayed so until the next resync.) Remembers
 * the last status written per gateway, the true "old" status for transition times and events.
 */
public final class StatusWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    private record Written(String uid, L2GatewayStatus status) {
    }

    public StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** The status we last wrote for this resource, else the one it carries. */
    L2GatewayStatus lastWritten(L2Gateway gateway) {
        Written w = written.get(gateway.getMetadata().getName());
        if (w != null && w.uid().equals(String.valueOf(gateway.getMetadata().getUid()))) {
            return w.status();
        }
        return gateway.getStatus() == null ? L2GatewayStatus.EMPTY : gateway.getStatus();
    }

    void write(L2Gateway gateway, L2GatewayStatus status) {
        String name = gateway.getMetadata().getName();
        ArrayNode patch = JSON.createArrayNode();
        ObjectNode add = patch.addObject();
        add.put("op", "add");
        add.put("path", "/status");
        try {
            add.set("value", JSON.readTree(client.getKubernetesSerialization().asJson(status)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the status of " + name, e);
        }
        // .resource(gateway), not .withName(name): given only a name, fabric8 GETs the object before it sends a
        // patch (to learn its URL), one request more per write. The patch carries no resourceVersion either way.
        client.resources(L2Gateway.class).resource(gateway).subresource("status")
                .patch(PatchContext.of(PatchType.JSON), patch.toString());
        written.put(name, new Written(String.valueOf(gateway.getMetadata().getUid()), status));
    }

    void forget(String name) {
        written.remove(name);
    }
}
