package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The front of the embedded API: answers what the CRUD store cannot (version, discovery, openapi, access
 * reviews, merge patches), refuses custom resources that do not match their CRD's schema, turns the store's custom
 * resources into server-side Tables when kubectl asks for them, and hands everything else to the store unchanged.
 *
 * <p>Events live in a store of their own. fabric8's store finds an object by scanning everything it holds, on
 * every request, and an operator writes several Events per object it manages: in the one store they made every
 * request slower as they piled up (at 1,000 L2Gateways two thirds of the entries were Events). Each store counts
 * its own resourceVersions; clients compare them only within one kind (list, then watch from there), which stays
 * true.
 */
public final class KubeApiFront extends Dispatcher {
    private static final Logger LOG = Logger.getLogger(KubeApiFront.class.getName());
    static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final KubernetesCrudDispatcher store;
    private final KubernetesCrudDispatcher events;
    private final ApiDiscovery discovery;
    private final OpenApiStubs openApi = new OpenApiStubs();
    private final OpenApiV3 openApiV3;
    private final AccessReviews accessReviews = new AccessReviews();
    private final SchemaAdmission schema;
    private final MergePatches mergePatches;
    private final ServerSideTables tables;
    private final String version;
    // parsed once per change of the CRDs, not on every write (schema admission) and discovery request
    private volatile List<CustomResourceDefinition> crds;

    /**
     * @param store  the CRUD store that holds the objects but Events
     * @param events the CRUD store that holds the Events (core and events.k8s.io)
     */
    public KubeApiFront(KubernetesCrudDispatcher store, KubernetesCrudDispatcher events) {
        this.store = store;
        this.events = events;
        this.discovery = new ApiDiscovery(this::storedCrds);
        this.openApiV3 = new OpenApiV3(this::storedCrds);
        this.schema = new SchemaAdmission(this::storedCrds);
        this.mergePatches = new MergePatches(this::storeFor, schema);
        this.tables = new ServerSideTables(this::storedCrds, Clock.systemUTC());
        this.version = Serialization.asJson(ServerVersion.EMBEDDED);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            if (isProtobuf(request.getHeader("Content-Type"))) {
                return JsonResponses.failure(415, "UnsupportedMediaType",
                        "the embedded API reads JSON and YAML only, not protobuf");
            }
            if (request.getPath().startsWith(CRD_PATH) && !request.getMethod().equals("GET")) {
                crds = null;
                try {
                    return answer(request);
                } finally {
                    crds = null;
                }
            }
            return withoutNullNamespaces(answer(request));
        } catch (RuntimeException e) {
            // an exception escaping here leaves the client waiting forever for an answer
            LOG.log(Level.WARNING, "embedded API failed on " + request.getMethod() + " " + request.getPath(), e);
            return JsonResponses.failure(500, "InternalError", String.valueOf(e.getMessage()));
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String method = request.getMethod();
        String path = withoutQuery(request.getPath());
        boolean plainGet = method.equals("GET") && !isWatch(request.getPath());
        if (plainGet) {
            Optional<MockResponse> own = ownGet(path);
            if (own.isPresent()) {
                return own.get();
            }
            return tables.tabulate(request, path, explainedNotFound(selectedByFields(request), path));
        }
        Optional<MockResponse> review = accessReviews.answer(request, path);
        if (review.isPresent()) {
            return review.get();
        }
        boolean checked = !"true".equalsIgnoreCase(request.getHeader(EmbeddedKubeApi.SKIP_SCHEMA_HEADER));
        MergePatches.Flavor flavor = MergePatches.Flavor.of(request.getHeader("Content-Type"));
        if (method.equals("PATCH") && flavor != null) {
            return mergePatches.patch(path, flavor, request.getUtf8Body(), checked);
        }
        if (checked && (method.equals("POST") || method.equals("PUT"))) {
            // peek: the store still has to read the body
            Optional<MockResponse> refused = schema.refusal(path,
                    readBody(new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return explainedNotFound(storeFor(path).dispatch(request), path);
    }

    /**
     * The store's answer to a GET, with a field selector applied here to the items of a list (the store itself
     * understands only metadata.name and metadata.namespace).
     */
    private MockResponse selectedByFields(RecordedRequest request) {
        String pathAndQuery = request.getPath();
        int question = pathAndQuery.indexOf('?');
        Optional<FieldSelector> selector = question < 0 ? Optional.empty()
                : FieldSelector.ofQuery(pathAndQuery.substring(question + 1));
        if (selector.isEmpty()) {
            return storeFor(request.getPath()).dispatch(request);
        }
        String rest = FieldSelector.withoutSelector(pathAndQuery.substring(question + 1));
        String unselected = pathAndQuery.substring(0, question) + (rest == null ? "" : "?" + rest);
        MockResponse all = storeFor(unselected).dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), unselected,
                request.getHeaders(), new io.fabric8.mockwebserver.http.Buffer()));
        if (all.code() != 200) {
            return all;
        }
        JsonNode answer = readBody(all.getBody().readUtf8());
        if (answer == null || !answer.path("items").isArray()) {
            // a single object: kube-apiserver applies no field selector to a GET by name either
            return JsonResponses.json(200, answer == null ? "" : answer.toString());
        }
        com.fasterxml.jackson.databind.node.ArrayNode kept = Serialization.jsonMapper().createArrayNode();
        answer.get("items").forEach(item -> {
            if (selector.get().matches(item)) {
                kept.add(item);
            }
        });
        com.fasterxml.jackson.databind.node.ObjectNode list = (com.fasterxml.jackson.databind.node.ObjectNode) answer;
        // The store calls every list "List"; typed clients (kubectl describe's event search) want "EventList".
        if ("List".equals(list.path("kind").asText()) && answer.get("items").size() > 0
                && answer.get("items").get(0).hasNonNull("kind")) {
            list.put("kind", answer.get("items").get(0).get("kind").asText() + "List");
        }
        list.set("items", kept);
        return JsonResponses.json(200, answer.toString());
    }

    private Optional<MockResponse> ownGet(String path) {
        if (path.equals("/version")) {
            return Optional.of(JsonResponses.json(200, version));
        }
        return openApi.answer(path).or(() -> openApiV3.answer(path)).or(() -> discovery.answer(path));
    }

    // The store answers 404 with an empty body; kubectl then cannot say what was not found.
    private static MockResponse explainedNotFound(MockResponse response, String path) {
        if (response.code() != 404 || (response.getBody() != null && response.getBody().size() > 0)) {
            return response;
        }
        // /api/v1/[namespaces/NS/]PLURAL/NAME or /apis/GROUP/VERSION/[namespaces/NS/]PLURAL/NAME
        String[] segments = path.replaceAll("^/+", "").split("/");
        String group = segments[0].equals("apis") && segments.length > 1 ? "." + segments[1] : "";
        String name = segments[segments.length - 1];
        String plural = segments.length > 1 ? segments[segments.length - 2] : "";
        return JsonResponses.failure(404, "NotFound", plural + group + " \"" + name + "\" not found");
    }

    private static JsonNode readBody(String body) {
        try {
            return body == null || body.isBlank() ? null : Serialization.jsonMapper().readTree(body);
        } catch (JsonProcessingException e) {
            return null; // the store answers unreadable bodies itself
        }
    }

    /** How each line of a plain-HTTP watch answered for {@code request} is to be written (Tables, if asked). */
    UnaryOperator<String> watchEvents(RecordedRequest request) {
        UnaryOperator<String> convert = tables.watchEvents(request, withoutQuery(request.getPath()));
        return line -> convert.apply(NullNamespaces.dropped(line));
    }

    private static MockResponse withoutNullNamespaces(MockResponse response) {
        if (response.getBody() == null || response.getWebSocketListener() != null) {
            return response;
        }
        // getBytes, not readUtf8: reading consumes the buffer, and most answers go out untouched
        String body = new String(response.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String dropped = NullNamespaces.dropped(body);
        return dropped.equals(body) ? response : response.removeHeader("Content-Length").setBody(dropped);
    }

    /** The store that holds what {@code path} (query included or not) names. */
    private KubernetesCrudDispatcher storeFor(String path) {
        return EVENTS.matcher(withoutQuery(path)).matches() ? events : store;
    }

    private List<CustomResourceDefinition> storedCrds() {
        List<CustomResourceDefinition> known = crds;
        if (known != null) {
            return known;
        }
        MockResponse list = store.handleGet(CRD_PATH);
        try {
            known = List.copyOf(Serialization.jsonMapper()
                    .readValue(list.getBody().readUtf8(), CustomResourceDefinitionList.class).getItems());
            crds = known;
            return known;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store holds an unreadable CRD list", e);
        }
    }

    /** The {@code /version} document; the minor version matches the kubectl installed here, so it does not warn. */
    record ServerVersion(String major, String minor, String gitVersion, String gitCommit, String gitTreeState,
            String buildDate, String goVersion, String compiler, String platform) {
        static final ServerVersion EMBEDDED = new ServerVersion("1", "32", "v1.32.0-embedded-fabric8-mock", "unknown",
                "clean", "2025-01-01T00:00:00Z", "java", "javac", "linux/amd64");
    }

    // /api/v1/events, /api/v1/namespaces/NS/events[/NAME], the same under /apis/events.k8s.io/v1
    private static final Pattern EVENTS = Pattern.compile(
            "/(api/v1|apis/events\\.k8s\\.io/v1)(/namespaces/[^/]+)?/events(/[^/]+)?");

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.contains("protobuf");
    }

    private static boolean isWatch(String path) {
        return path.contains("watch=true") || path.contains("watch=1");
    }
}
