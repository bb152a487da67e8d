package org.ovnl2gw.testbed.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Legacy (unaggregated) discovery: {@code /api}, {@code /api/v1}, {@code /apis}, {@code /apis/G},
 * {@code /apis/G/V}, built afresh on every request from the built-in kinds plus the CRDs stored in the mock, so a
 * CRD is discoverable as soon as it is created. kubectl falls back to these documents when the answer to its
 * aggregated-discovery request is plain JSON.
 */
final class ApiDiscovery {
    private final Supplier<List<CustomResourceDefinition>> storedCrds;

    ApiDiscovery(Supplier<List<CustomResourceDefinition>> storedCrds) {
        this.storedCrds = storedCrds;
    }

    /** The discovery document at {@code path}, or empty when {@code path} is not a discovery path. */
    Optional<MockResponse> answer(String path) {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        if (segments[0].equals("api") && segments.length <= 2) {
            if (segments.length == 1) {
                return Optional.of(JsonResponses.json(200, new APIVersionsBuilder().withVersions("v1").build()));
            }
            return Optional.of(resourceList("", segments[1]));
        }
        if (segments[0].equals("apis") && segments.length <= 3) {
            Map<String, Map<String, List<ServedResource>>> byGroup = servedByGroupAndVersion();
            if (segments.length == 1) {
                List<APIGroup> groups = new ArrayList<>();
                // the core group is served under /api, not listed here
                byGroup.forEach((group, versions) -> {
                    if (!group.isEmpty()) {
                        groups.add(group(group, versions));
                    }
                });
                return Optional.of(JsonResponses.json(200, new APIGroupListBuilder().withGroups(groups).build()));
            }
            Map<String, List<ServedResource>> versions = byGroup.get(segments[1]);
            if (versions == null || segments[1].isEmpty()) {
                return Optional.of(JsonResponses.notFound(path));
            }
            if (segments.length == 2) {
                return Optional.of(JsonResponses.json(200, group(segments[1], versions)));
            }
            return Optional.of(resourceList(segments[1], segments[2]));
        }
        return Optional.empty();
    }

    private MockResponse resourceList(String group, String version) {
        List<ServedResource> resources = servedByGroupAndVersion()
                .getOrDefault(group, Map.of())
                .get(version);
        if (resources == null) {
            return JsonResponses.notFound(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
        }
        APIResourceListBuilder list = new APIResourceListBuilder()
                .withGroupVersion(resources.get(0).groupVersion());
        resources.forEach(resource -> list.addAllToResources(resource.apiResources()));
        return JsonResponses.json(200, list.build());
    }

    private static APIGroup group(String name, Map<String, List<ServedResource>> versions) {
        List<GroupVersionForDiscovery> served = versions.keySet().stream()
                .map(version -> new GroupVersionForDiscovery(name + "/" + version, version))
                .toList();
        return new APIGroupBuilder()
                .withName(name)
                .withVersions(served)
                .withPreferredVersion(served.get(0))
                .build();
    }

    /** group -> version -> resources, in insertion order: the first version of a group is its preferred one. */
    private Map<String, Map<String, List<ServedResource>>> servedByGroupAndVersion() {
        Map<String, Map<String, List<ServedResource>>> byGroup = new LinkedHashMap<>();
        List<ServedResource> all = new ArrayList<>(BuiltInResources.ALL);
        storedCrds.get().forEach(crd -> all.addAll(servedBy(crd)));
        for (ServedResource resource : all) {
            byGroup.computeIfAbsent(resource.group(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(resource.version(), v -> new ArrayList<>())
                    .add(resource);
        }
        return byGroup;
    }

    private static List<ServedResource> servedBy(CustomResourceDefinition crd) {
        var spec = crd.getSpec();
        var names = spec.getNames();
        // the storage version first, so that it becomes the group's preferred version
        return spec.getVersions().stream()
                .filter(version -> Boolean.TRUE.equals(version.getServed()))
                .sorted(Comparator.comparing((CustomResourceDefinitionVersion v) -> !Boolean.TRUE.equals(v.getStorage())))
                .map(version -> new ServedResource(
                        spec.getGroup(),
                        version.getName(),
                        names.getPlural(),
                        names.getSingular() != null ? names.getSingular() : names.getKind().toLowerCase(java.util.Locale.ROOT),
                        names.getKind(),
                        "Namespaced".equals(spec.getScope()),
                        names.getShortNames() != null ? names.getShortNames() : List.of(),
                        names.getCategories() != null ? names.getCategories() : List.of(),
                        version.getSubresources() != null && version.getSubresources().getStatus() != null))
                .toList();
    }
}
