package org.ovnl2gw.testbed.kube;

import java.util.List;
import java.util.Locale;

/**
 * The built-in kinds the embedded API advertises: those the operator, node agent, manifests and tests touch.
 * The CRUD store accepts any path; listing a kind here is what lets kubectl resolve its name.
 */
final class BuiltInResources {
    private BuiltInResources() {
    }

    static final List<ServedResource> ALL = List.of(
            core("namespaces", "Namespace", false, "ns").withStatusSubresource(),
            core("nodes", "Node", false, "no").withStatusSubresource(),
            core("events", "Event", true, "ev"),
            core("configmaps", "ConfigMap", true, "cm"),
            core("secrets", "Secret", true),
            core("serviceaccounts", "ServiceAccount", true, "sa"),
            core("pods", "Pod", true, "po").withStatusSubresource(),
            core("services", "Service", true, "svc").withStatusSubresource(),
            core("endpoints", "Endpoints", true, "ep"),
            of("coordination.k8s.io", "v1", "leases", "Lease", true),
            of("events.k8s.io", "v1", "events", "Event", true, "ev"),
            of("apps", "v1", "deployments", "Deployment", true, "deploy").withStatusSubresource(),
            of("apps", "v1", "daemonsets", "DaemonSet", true, "ds").withStatusSubresource(),
            new ServedResource("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition",
                    "CustomResourceDefinition", false, List.of("crd", "crds"), List.of("api-extensions"), true),
            of("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
            of("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
            of("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
            of("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
            of("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false),
            of("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false));

    private static ServedResource core(String plural, String kind, boolean namespaced, String... shortNames) {
        return of("", "v1", plural, kind, namespaced, shortNames);
    }

    private static ServedResource of(
            String group, String version, String plural, String kind, boolean namespaced, String... shortNames) {
        return new ServedResource(group, version, plural, kind.toLowerCase(Locale.ROOT), kind, namespaced,
                List.of(shortNames), List.of(), false);
    }
}
