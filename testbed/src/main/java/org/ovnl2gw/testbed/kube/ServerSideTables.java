package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the store's answer to a GET of custom resources or core Events into a {@code meta.k8s.io} Table when the
 * client asks for one, so that {@code kubectl get} prints the CRD's printer columns, and for {@code kubectl get
 * events} kube-apiserver's Event columns (what happened is what a user lists Events for). Everything else passes
 * unchanged, and kubectl falls back to its own NAME/AGE columns on plain JSON: other built-in kinds (we keep no
 * printers for them), custom resources whose CRD is not stored, errors, and CRDs whose column paths we cannot
 * evaluate.
 */
final class ServerSideTables {
    private static final Logger LOG = Logger.getLogger(ServerSideTables.class.getName());
    // the table records are plain Jackson; fabric8's mapper adds nothing they need
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A list, watch or single GET of core/v1 Events, in a namespace or across all. */
    private static final Pattern CORE_EVENTS = Pattern.compile("/api/v1(/namespaces/[^/]+)?/events(/[^/]+)?/?");
    private static final ResourceTable EVENTS = ResourceTable.events();

    private final Supplier<List<CustomResourceDefinition>> storedCrds;
    private final Clock clock;

    ServerSideTables(Supplier<List<CustomResourceDefinition>> storedCrds, Clock clock) {
        this.storedCrds = storedCrds;
        this.clock = clock;
    }

    /**
     * {@code storeAnswer} as a Table when {@code request} (a GET of {@code path}, query removed) asks for one and
     * names custom resources of a stored CRD; otherwise {@code storeAnswer} itself, untouched.
     */
    MockResponse tabulate(RecordedRequest request, String path, MockResponse storeAnswer) {
        if (storeAnswer.code() != 200) {
            return storeAnswer;
        }
        Optional<TableRequest> wanted = TableRequest.of(request.getHeader("Accept"), query(request.getPath()));
        if (wanted.isEmpty()) {
            return storeAnswer;
        }
        Optional<ResourceTable> table = tableFor(path);
        if (table.isEmpty()) {
            return storeAnswer;
        }
        JsonNode listOrObject = readJson(storeAnswer.getBody().readUtf8());
        try {
            return JsonResponses.json(200,
                    JSON.writeValueAsString(table.get().tableOf(listOrObject, wanted.get(), clock.instant())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Table", e);
        }
    }

    /**
     * For a watch of custom resources ({@code path}, query removed) whose client asks for Tables, the conversion
     * of each watch event line into the event of a one-row Table, column definitions in the first only, as
     * kube-apiserver sends them; identity otherwise (and for ERROR and BOOKMARK events).
     */
    UnaryOperator<String> watchEvents(RecordedRequest request, String path) {
        Optional<TableRequest> wanted = TableRequest.of(request.getHeader("Accept"), query(request.getPath()));
        Optional<ResourceTable> table = wanted.isEmpty() ? Optional.empty() : tableFor(path);
        long since = resourceVersion(query(request.getPath()));
        AtomicBoolean first = new AtomicBoolean(true);
        return line -> {
            JsonNode event = readJson(line);
            String type = event.path("type").asText();
            // the store replays every object as ADDED when a watch opens, whatever resourceVersion was asked
            // for; a client that listed at that version (kubectl get -w) has already seen them
            if (type.equals("ADDED") && event.path("object").path("metadata").path("resourceVersion").asLong(-1) >= 0
                    && event.path("object").path("metadata").path("resourceVersion").asLong() <= since) {
                return null;
            }
            if (table.isEmpty()) {
                return line;
            }
            if (type.equals("ERROR") || type.equals("BOOKMARK") || !event.path("object").isObject()) {
                return line;
            }
            ResourceTable.Table rows = table.get().tableOf(event.get("object"), wanted.get(), clock.instant());
            if (!first.getAndSet(false)) {
                rows = new ResourceTable.Table(rows.kind(), rows.apiVersion(), rows.metadata(), null, rows.rows());
            }
            ObjectNode converted = JSON.createObjectNode().put("type", type);
            converted.set("object", JSON.valueToTree(rows));
            try {
                return JSON.writeValueAsString(converted);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a Table event", e);
            }
        };
    }

    /** The table for a GET of {@code path}: core Events, or custom resources of a stored CRD. */
    private Optional<ResourceTable> tableFor(String path) {
        if (CORE_EVENTS.matcher(path).matches()) {
            return Optional.of(EVENTS);
        }
        return ResourcePath.of(path).flatMap(this::tableFor);
    }

    private Optional<ResourceTable> tableFor(ResourcePath path) {
        for (CustomResourceDefinition crd : storedCrds.get()) {
            var spec = crd.getSpec();
            if (!spec.getGroup().equals(path.group()) || !spec.getNames().getPlural().equals(path.plural())) {
                continue;
            }
            for (CustomResourceDefinitionVersion version : spec.getVersions()) {
                if (version.getName().equals(path.version())) {
                    try {
                        return Optional.of(ResourceTable.of(version.getAdditionalPrinterColumns()));
                    } catch (IllegalArgumentException e) {
                        // a real API server refuses such a CRD; we serve plain JSON and kubectl prints NAME/AGE
                        LOG.log(Level.WARNING, "no printer columns for " + crd.getMetadata().getName() + ": "
                                + e.getMessage());
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A list or single GET of a resource in an API group: {@code /apis/G/V/[namespaces/NS/]PLURAL[/NAME]}.
     * Subresources are left out: kubectl asks for them as tables only with {@code --subresource}.
     */
    record ResourcePath(String group, String version, String plural) {
        static Optional<ResourcePath> of(String path) {
            String[] segments = path.replaceAll("^/+|/+$", "").split("/");
            if (segments.length < 4 || !segments[0].equals("apis")) {
                return Optional.empty();
            }
            List<String> rest = Arrays.asList(segments).subList(3, segments.length);
            if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
                rest = rest.subList(2, rest.size());
            }
            return rest.size() <= 2 ? Optional.of(new ResourcePath(segments[1], segments[2], rest.get(0)))
                    : Optional.empty();
        }
    }

    /** The {@code resourceVersion} query parameter as a number, or -1. */
    private static long resourceVersion(String query) {
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("resourceVersion=")) {
                    try {
                        return Long.parseLong(parameter.substring("resourceVersion=".length()));
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store answered with unreadable JSON", e);
        }
    }

    private static String query(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? null : pathAndQuery.substring(query + 1);
    }
}
