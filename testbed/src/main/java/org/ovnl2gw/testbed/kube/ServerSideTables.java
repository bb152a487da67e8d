package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the store's answer to a GET of custom resources into a {@code meta.k8s.io} Table when the client asks for
 * one, so that {@code kubectl get} prints the CRD's printer columns. Everything else passes unchanged, and
 * kubectl falls back to its own NAME/AGE columns on plain JSON: built-in kinds (we keep no printers for them),
 * custom resources whose CRD is not stored, errors, and CRDs whose column paths we cannot evaluate.
 */
final class ServerSideTables {
    private static final Logger LOG = Logger.getLogger(ServerSideTables.class.getName());
    // the table records are plain Jackson; fabric8's mapper adds nothing they need
    private static final ObjectMapper JSON = new ObjectMapper();

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
        Optional<CustomResourceTable> table = ResourcePath.of(path).flatMap(this::tableFor);
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

    private Optional<CustomResourceTable> tableFor(ResourcePath path) {
        for (CustomResourceDefinition crd : storedCrds.get()) {
            var spec = crd.getSpec();
            if (!spec.getGroup().equals(path.group()) || !spec.getNames().getPlural().equals(path.plural())) {
                continue;
            }
            for (CustomResourceDefinitionVersion version : spec.getVersions()) {
                if (version.getName().equals(path.version())) {
                    try {
                        return Optional.of(CustomResourceTable.of(version.getAdditionalPrinterColumns()));
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
