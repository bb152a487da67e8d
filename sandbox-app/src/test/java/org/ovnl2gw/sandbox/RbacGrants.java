package org.ovnl2gw.sandbox;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a ServiceAccount may do, computed from the manifests' Roles, ClusterRoles and their bindings, flattened into
 * single grants so that "exactly these permissions" is a set comparison. A binding whose role is missing from the
 * manifests fails here: it would grant nothing on a cluster.
 */
final class RbacGrants {
    /** Cluster-wide grants carry this namespace, and grants on any object this resource name. */
    static final String ANY = "*";

    /** One permission: a verb on a resource of a group, in a namespace (or {@link #ANY}), on a name (or any). */
    record Grant(String namespace, String apiGroup, String resource, String verb, String resourceName)
            implements Comparable<Grant> {
        @Override
        public int compareTo(Grant o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return (namespace.equals(ANY) ? "cluster" : "ns " + namespace) + ": "
                    + (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource + " " + verb
                    + (resourceName.equals(ANY) ? "" : " [" + resourceName + "]");
        }
    }

    private RbacGrants() {
    }

    static Set<Grant> of(String serviceAccountNamespace, String serviceAccountName, ManifestSet manifests) {
        Set<Grant> grants = new TreeSet<>();
        for (ClusterRoleBinding binding : manifests.ofType(ClusterRoleBinding.class)) {
            if (names(binding.getSubjects(), serviceAccountNamespace, serviceAccountName)) {
                add(grants, ANY, rules(binding.getRoleRef(), null, manifests));
            }
        }
        for (RoleBinding binding : manifests.ofType(RoleBinding.class)) {
            if (names(binding.getSubjects(), serviceAccountNamespace, serviceAccountName)) {
                String namespace = binding.getMetadata().getNamespace();
                add(grants, namespace, rules(binding.getRoleRef(), namespace, manifests));
            }
        }
        return grants;
    }

    /** Whether any binding names this ServiceAccount. */
    static boolean isBound(String serviceAccountNamespace, String serviceAccountName, ManifestSet manifests) {
        return manifests.ofType(ClusterRoleBinding.class).stream()
                .anyMatch(b -> names(b.getSubjects(), serviceAccountNamespace, serviceAccountName))
                || manifests.ofType(RoleBinding.class).stream()
                .anyMatch(b -> names(b.getSubjects(), serviceAccountNamespace, serviceAccountName));
    }

    private static boolean names(List<Subject> subjects, String namespace, String name) {
        return subjects != null && subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
                && name.equals(s.getName()) && namespace.equals(s.getNamespace()));
    }

    private static List<PolicyRule> rules(RoleRef ref, String bindingNamespace, ManifestSet manifests) {
        return switch (ref.getKind()) {
            case "ClusterRole" -> manifests.get(ClusterRole.class, null, ref.getName()).getRules();
            case "Role" -> {
                if (bindingNamespace == null) {
                    throw new AssertionError("a ClusterRoleBinding cannot refer to Role " + ref.getName());
                }
                yield manifests.get(Role.class, bindingNamespace, ref.getName()).getRules();
            }
            default -> throw new AssertionError("roleRef kind " + ref.getKind() + " is not a role");
        };
    }

    private static void add(Set<Grant> grants, String namespace, List<PolicyRule> rules) {
        for (PolicyRule rule : rules) {
            if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
                throw new AssertionError("a rule grants non-resource URLs " + rule.getNonResourceURLs()
                        + "; neither program requests any");
            }
            List<String> names = rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                    ? List.of(ANY) : rule.getResourceNames();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        for (String name : names) {
                            grants.add(new Grant(namespace, group, resource, verb, name));
                        }
                    }
                }
            }
        }
    }
}
