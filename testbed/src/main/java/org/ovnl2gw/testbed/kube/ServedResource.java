package org.ovnl2gw.testbed.kube;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * One resource type the embedded API serves, in one group/version, as discovery describes it. The group is
 * empty for the core ({@code /api/v1}) group.
 */
record ServedResource(
        String group,
        String version,
        String plural,
        String singular,
        String kind,
        boolean namespaced,
        List<String> shortNames,
        List<String> categories,
        boolean hasStatus) {

    static final List<String> OBJECT_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

    ServedResource {
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
    }

    ServedResource withStatusSubresource() {
        return new ServedResource(group, version, plural, singular, kind, namespaced, shortNames, categories, true);
    }

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The discovery entries: the resource itself and, when it has one, its {@code /status} subresource. */
    List<APIResource> apiResources() {
        List<APIResource> entries = new ArrayList<>();
        entries.add(new APIResourceBuilder()
                .withName(plural)
                .withSingularName(singular)
                .withKind(kind)
                .withNamespaced(namespaced)
                .withVerbs(OBJECT_VERBS)
                .withShortNames(shortNames.isEmpty() ? null : shortNames)
                .withCategories(categories.isEmpty() ? null : categories)
                .build());
        if (hasStatus) {
            entries.add(new APIResourceBuilder()
                    .withName(plural + "/status")
                    .withSingularName("")
                    .withKind(kind)
                    .withNamespaced(namespaced)
                    .withVerbs(STATUS_VERBS)
                    .build());
        }
        return entries;
    }
}
