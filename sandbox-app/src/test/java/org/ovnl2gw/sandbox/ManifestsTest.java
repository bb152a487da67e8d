package org.ovnl2gw.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.AgentOptions;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.config.OperatorOptions;
import org.ovnl2gw.operator.ops.LeaderElectionSettings;
import org.ovnl2gw.sandbox.RbacGrants.Grant;

/**
 * Keeps {@code manifests/} and {@code images/} honest against the programs: every arg is an option the program's
 * own parser accepts, probes and ports are the ones the operator serves, mounts hold the paths the agent opens, each
 * ServiceAccount has exactly the Kubernetes permissions its program uses, and every file is in the kustomization.
 * Pure: reads files and calls the option parsers, starts nothing.
 */
class ManifestsTest {
    private static final String NAMESPACE = "ovn-l2gw";
    private static final String PART_OF = "app.kubernetes.io/part-of";
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String OPERATOR = "ovn-l2gw-operator";
    private static final String AGENT = "ovn-l2gw-node-agent";
    private static final String GATEWAY_TAINT = "l2gw.ovn.org/gateway";
    private static final Set<String> CLUSTER_SCOPED =
            Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");
    private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

    private static final Path REPO = repositoryRoot();
    private final ManifestSet manifests = ManifestSet.load(REPO);

    // ---- files, kustomization, labels -------------------------------------------------------------------------

    @Test
    void everyObjectIsUniqueAndScopedAsItsKindIs() {
        Set<String> seen = new HashSet<>();
        for (ManifestSet.Manifest m : manifests.all()) {
            assertTrue(seen.add(m.kind() + "/" + m.namespace() + "/" + m.name()), "defined twice: " + m);
            if (CLUSTER_SCOPED.contains(m.kind())) {
                assertEquals(null, m.namespace(), "cluster-scoped, must not name a namespace: " + m);
            } else {
                assertNotNull(m.namespace(), "namespaced objects name their namespace: " + m);
            }
        }
        manifests.get(Namespace.class, null, NAMESPACE);
        for (ManifestSet.Manifest m : manifests.all()) {
            assertTrue(m.namespace() == null || m.namespace().equals(NAMESPACE), "outside " + NAMESPACE + ": " + m);
        }
    }

    @Test
    void kustomizationListsEveryManifestFile() {
        ManifestSet.Kustomization kustomization = manifests.kustomization();
        Set<String> files = new TreeSet<>(ManifestSet.yamlFiles(manifests.root()));
        files.remove(ManifestSet.KUSTOMIZATION);
        assertEquals(files, new TreeSet<>(kustomization.resources()),
                "kustomization.yaml resources must be exactly the YAML files of manifests/ (examples/ aside)");
        assertEquals(kustomization.resources().size(), new HashSet<>(kustomization.resources()).size(),
                "a file listed twice");
    }

    @Test
    void kustomizationImagesAreTheContainersImages() {
        Set<String> inContainers = new TreeSet<>();
        for (PodTemplateSpec template : podTemplates().values()) {
            for (Container c : template.getSpec().getContainers()) {
                inContainers.add(c.getImage());
            }
        }
        Set<String> inKustomization = new TreeSet<>();
        for (ManifestSet.Kustomization.Image image : manifests.kustomization().images()) {
            assertEquals(null, image.newName(), "keep the image names of the files; set a registry with "
                    + "kustomize edit set image in an overlay: " + image.name());
            inKustomization.add(image.name() + ":" + image.newTag());
        }
        assertEquals(inContainers, inKustomization,
                "kustomization images (name:newTag) and the containers' images must agree");
    }

    @Test
    void everyObjectIsLabelledAsPartOfTheGateway() {
        for (ManifestSet.Manifest m : manifests.all()) {
            if (m.kind().equals("CustomResourceDefinition")) {
                continue; // generated from the model, copied verbatim
            }
            Map<String, String> labels = m.object().getMetadata().getLabels();
            assertEquals("ovn-l2gw", labels == null ? null : labels.get(PART_OF), PART_OF + " on " + m);
        }
    }

    @Test
    void selectorsMatchTheirOwnPodsAndNoOthers() {
        Map<String, PodTemplateSpec> templates = podTemplates();
        Map<String, LabelSelector> selectors = Map.of(
                OPERATOR, manifests.get(Deployment.class, NAMESPACE, OPERATOR).getSpec().getSelector(),
                AGENT, manifests.get(DaemonSet.class, NAMESPACE, AGENT).getSpec().getSelector());
        for (var workload : templates.entrySet()) {
            Map<String, String> podLabels = workload.getValue().getMetadata().getLabels();
            assertEquals(workload.getKey(), podLabels.get(NAME_LABEL), NAME_LABEL + " of " + workload.getKey() + " pods");
            for (var selector : selectors.entrySet()) {
                assertTrue(selector.getValue().getMatchExpressions() == null
                        || selector.getValue().getMatchExpressions().isEmpty(), "plain matchLabels selectors only");
                boolean selects = selects(selector.getValue().getMatchLabels(), podLabels);
                assertEquals(selector.getKey().equals(workload.getKey()), selects,
                        selector.getKey() + "'s selector on " + workload.getKey() + " pods");
            }
        }
        Map<String, String> operatorPods = templates.get(OPERATOR).getMetadata().getLabels();
        Map<String, String> agentPods = templates.get(AGENT).getMetadata().getLabels();
        Service metrics = manifests.get(Service.class, NAMESPACE, OPERATOR + "-metrics");
        assertTrue(selects(metrics.getSpec().getSelector(), operatorPods), "the metrics Service selects the operator");
        assertFalse(selects(metrics.getSpec().getSelector(), agentPods), "the metrics Service selects agents");
        PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, NAMESPACE, OPERATOR);
        assertTrue(selects(budget.getSpec().getSelector().getMatchLabels(), operatorPods), "the PDB covers the operator");
        assertFalse(selects(budget.getSpec().getSelector().getMatchLabels(), agentPods), "the PDB covers agents");
    }

    // ---- service accounts and RBAC ------------------------------------------------------------------------------

    @Test
    void everyServiceAccountUsedExistsAndIsBound() {
        Set<String> used = new TreeSet<>();
        for (var workload : podTemplates().entrySet()) {
            String account = workload.getValue().getSpec().getServiceAccountName();
            assertNotNull(account, workload.getKey() + " names its ServiceAccount (never the namespace default)");
            manifests.get(ServiceAccount.class, NAMESPACE, account);
            assertTrue(RbacGrants.isBound(NAMESPACE, account, manifests), account + " is bound to a role");
            used.add(account);
        }
        Set<String> defined = new TreeSet<>();
        manifests.ofType(ServiceAccount.class).forEach(a -> defined.add(a.getMetadata().getName()));
        assertEquals(used, defined, "ServiceAccounts no workload uses");
        List<Subject> subjects = new ArrayList<>();
        manifests.ofType(ClusterRoleBinding.class).forEach(b -> subjects.addAll(b.getSubjects()));
        manifests.ofType(RoleBinding.class).forEach(b -> subjects.addAll(b.getSubjects()));
        for (Subject s : subjects) {
            assertEquals("ServiceAccount", s.getKind(), "bindings name our ServiceAccounts only: " + s);
            manifests.get(ServiceAccount.class, s.getNamespace(), s.getName());
        }
    }

    @Test
    void operatorMayDoExactlyWhatItDoes() {
        Deployment deployment = manifests.get(Deployment.class, NAMESPACE, OPERATOR);
        OperatorOptions options = operatorOptions();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        // Main resolves the Lease namespace this way and writes its Events there too.
        String leaseNamespace = LeaderElectionSettings.namespace(options.leaseNamespace(),
                ContainerArgs.environment(container, NAMESPACE, manifests), null);
        String group = HasMetadata.getGroup(L2Gateway.class);
        String gateways = HasMetadata.getPlural(L2Gateway.class);
        String mappings = HasMetadata.getPlural(BridgeMapping.class);

        Set<Grant> expected = new TreeSet<>();
        // Primary resources: watched; L2Gateways also carry the operator's finalizer (JOSDK patches metadata).
        clusterWide(expected, group, gateways, "get", "list", "watch", "patch", "update");
        clusterWide(expected, group, mappings, "get", "list", "watch");
        clusterWide(expected, group, gateways + "/status", "patch", "update");
        clusterWide(expected, group, mappings + "/status", "patch", "update");
        clusterWide(expected, "", "nodes", "get", "list", "watch");
        expected.add(new Grant(leaseNamespace, "", "events", "create", RbacGrants.ANY));
        // fabric8's LeaseLock: get, create, then JSON merge patches of the one Lease; LeaseRelease updates it.
        expected.add(new Grant(leaseNamespace, "coordination.k8s.io", "leases", "create", RbacGrants.ANY));
        for (String verb : List.of("get", "patch", "update")) {
            expected.add(new Grant(leaseNamespace, "coordination.k8s.io", "leases", verb, options.leaseName()));
        }
        assertGrants(OPERATOR, expected, RbacGrants.of(NAMESPACE, serviceAccount(OPERATOR), manifests));
    }

    @Test
    void nodeAgentOnlyReads() {
        String group = HasMetadata.getGroup(BridgeMapping.class);
        Set<Grant> expected = new TreeSet<>();
        clusterWide(expected, group, HasMetadata.getPlural(BridgeMapping.class), "get", "list", "watch");
        clusterWide(expected, "", "nodes", "get", "list", "watch");
        Set<Grant> actual = RbacGrants.of(NAMESPACE, serviceAccount(AGENT), manifests);
        for (Grant grant : actual) {
            assertTrue(READ_VERBS.contains(grant.verb()), "the agent writes nothing in the Kubernetes API: " + grant);
        }
        assertGrants(AGENT, expected, actual);
    }

    @Test
    void rbacNamesOurResourcesAsTheCrdsDefineThem() {
        Set<String> defined = new TreeSet<>();
        for (CustomResourceDefinition crd : manifests.ofType(CustomResourceDefinition.class)) {
            defined.add(crd.getSpec().getGroup() + "/" + crd.getSpec().getNames().getPlural());
        }
        assertEquals(Set.of(HasMetadata.getGroup(L2Gateway.class) + "/" + HasMetadata.getPlural(L2Gateway.class),
                HasMetadata.getGroup(BridgeMapping.class) + "/" + HasMetadata.getPlural(BridgeMapping.class)), defined);
        for (String account : List.of(OPERATOR, AGENT)) {
            for (Grant grant : RbacGrants.of(NAMESPACE, account, manifests)) {
                assertFalse(grant.apiGroup().equals("*") || grant.resource().equals("*") || grant.verb().equals("*"),
                        "no wildcards: " + grant);
                if (grant.apiGroup().equals(HasMetadata.getGroup(L2Gateway.class))) {
                    assertTrue(defined.contains(grant.apiGroup() + "/" + grant.resource().split("/")[0]),
                            "a grant on a resource no CRD defines: " + grant);
                }
            }
        }
    }

    @Test
    void crdCopiesAreTheGeneratedCrds() throws IOException {
        Path generated = REPO.resolve("crds");
        Path copies = manifests.root().resolve("crds");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(generated)) {
            files.filter(p -> p.toString().endsWith(".yml")).forEach(p -> names.add(p.getFileName().toString()));
        }
        Set<String> copied = new TreeSet<>();
        try (Stream<Path> files = Files.list(copies)) {
            files.filter(p -> p.toString().endsWith(".yml")).forEach(p -> copied.add(p.getFileName().toString()));
        }
        String fix = "; run manifests/crds/update (kustomize cannot take files from ../crds)";
        assertEquals(names, copied, "manifests/crds/ holds a copy of each crds/*.yml" + fix);
        for (String name : names) {
            assertEquals(Files.readString(generated.resolve(name)), Files.readString(copies.resolve(name)),
                    "manifests/crds/" + name + " differs from crds/" + name + fix);
        }
    }

    // ---- the node agent ----------------------------------------------------------------------------------------

    @Test
    void nodeAgentArgsAreOptionsTheAgentAccepts() {
        AgentOptions options = agentOptions();
        assertFalse(options.help());
        assertEquals(ContainerArgs.NODE_NAME, options.nodeName().orElseThrow(), "--node-name from the Downward API");
        assertTrue(options.ovnSbDb().isPresent(), "the Southbound remote comes from the ConfigMap");
        assertFalse(options.withdrawOnExit(), "a rolling update must not withdraw the chassis and cut traffic");
    }

    @Test
    void nodeAgentSeesTheHostsOvsRunDirectory() {
        AgentOptions options = agentOptions();
        assertTrue(options.ovsDb().startsWith("unix:"), "the local OVS database is reached by its unix socket");
        Path socket = Path.of(options.ovsDb().substring("unix:".length()));
        PodSpec pod = manifests.get(DaemonSet.class, NAMESPACE, AGENT).getSpec().getTemplate().getSpec();
        Container agent = pod.getContainers().get(0);
        for (Path needed : List.of(socket.getParent(), options.ovsRundir())) {
            VolumeMount mount = agent.getVolumeMounts().stream()
                    .filter(m -> needed.startsWith(Path.of(m.getMountPath())))
                    .findFirst().orElseThrow(() -> new AssertionError(needed + " is not in any volume mount"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                    .findFirst().orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
            assertNotNull(volume.getHostPath(), needed + " must come from the host, not from " + volume);
            assertEquals(mount.getMountPath(), volume.getHostPath().getPath(),
                    "the host's OVS run directory appears at the same path inside the container");
            assertFalse(Boolean.TRUE.equals(mount.getReadOnly()), "connecting to a unix socket needs write access");
        }
    }

    @Test
    void nodeAgentRunsOnEveryNodeIncludingGateways() {
        PodSpec pod = manifests.get(DaemonSet.class, NAMESPACE, AGENT).getSpec().getTemplate().getSpec();
        assertEquals(Boolean.TRUE, pod.getHostNetwork(), "hostNetwork: the chassis is the node");
        assertEquals("ClusterFirstWithHostNet", pod.getDnsPolicy(), "cluster DNS despite hostNetwork");
        assertEquals("system-node-critical", pod.getPriorityClassName());
        assertTrue(pod.getNodeSelector() == null || pod.getNodeSelector().isEmpty(), "every node, no nodeSelector");
        boolean toleratesGateways = pod.getTolerations().stream().map(Toleration::getKey)
                .anyMatch(key -> key == null || key.equals(GATEWAY_TAINT));
        assertTrue(toleratesGateways, "tolerates the " + GATEWAY_TAINT + " taint");
        EnvVar nodeName = env(pod.getContainers().get(0), "NODE_NAME");
        assertEquals("spec.nodeName", nodeName.getValueFrom().getFieldRef().getFieldPath(), "NODE_NAME");
    }

    // ---- the operator ------------------------------------------------------------------------------------------

    @Test
    void operatorArgsAreOptionsTheOperatorAccepts() {
        OperatorOptions options = operatorOptions();
        assertFalse(options.help());
        assertTrue(options.leaderElection(), "two replicas need leader election");
        assertTrue(options.kubeconfig().isEmpty(), "in-cluster: the pod's ServiceAccount, no kubeconfig");
        Deployment deployment = manifests.get(Deployment.class, NAMESPACE, OPERATOR);
        assertTrue(deployment.getSpec().getReplicas() >= 2, "a standby replica");
        Container operator = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("metadata.namespace", env(operator, "POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath(),
                "the Lease lives in the operator's namespace");
        assertEquals("metadata.name", env(operator, "POD_NAME").getValueFrom().getFieldRef().getFieldPath(),
                "each replica's identity in the Lease is its pod name");
    }

    @Test
    void probesAndPortsAreTheOnesTheOperatorServes() {
        OperatorOptions options = operatorOptions();
        Deployment deployment = manifests.get(Deployment.class, NAMESPACE, OPERATOR);
        Container operator = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertProbe(operator, operator.getLivenessProbe(), "/healthz", options.healthPort());
        assertProbe(operator, operator.getReadinessProbe(), "/readyz", options.healthPort());
        ContainerPort metrics = operator.getPorts().stream().filter(p -> "metrics".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("the operator container has no port named metrics"));
        assertEquals(options.metricsPort(), metrics.getContainerPort(), "metrics port = --metrics-port");
        Service service = manifests.get(Service.class, NAMESPACE, OPERATOR + "-metrics");
        ServicePort port = service.getSpec().getPorts().get(0);
        assertEquals("metrics", port.getName());
        assertEquals(options.metricsPort(), containerPort(operator, port.getTargetPort()), "Service targetPort");
    }

    // ---- images -------------------------------------------------------------------------------------------------

    @Test
    void imagesPackTheJarsTheModulesBuildAndRunAsTheManifestsSay() throws IOException {
        for (var workload : podTemplates().entrySet()) {
            PodSpec pod = workload.getValue().getSpec();
            Container container = pod.getContainers().get(0);
            String image = container.getImage().replaceFirst(":[^:/]+$", "");
            String module = image.substring(image.lastIndexOf('/') + 1);
            Path dockerfile = REPO.resolve("images").resolve(module).resolve("Dockerfile");
            assertTrue(Files.isRegularFile(dockerfile), "no " + REPO.relativize(dockerfile) + " for " + image);
            String text = Files.readString(dockerfile);
            // the base images/build makes with mmdebstrap
            assertTrue(text.contains("FROM debian:bookworm-slim") && text.contains("openjdk-17-jre-headless"),
                    dockerfile + ": Debian bookworm with openjdk-17-jre-headless");
            String jar = module + "/target/" + finalName(REPO.resolve(module).resolve("pom.xml")) + ".jar";
            assertTrue(Pattern.compile("(?m)^COPY " + Pattern.quote(jar) + " ").matcher(text).find(),
                    dockerfile + " copies the shaded jar " + jar);
            Matcher user = Pattern.compile("(?m)^USER (\\d+)").matcher(text);
            assertTrue(user.find(), dockerfile + " names its user by number");
            Long runAs = container.getSecurityContext().getRunAsUser();
            if (runAs == null && pod.getSecurityContext() != null) {
                runAs = pod.getSecurityContext().getRunAsUser();
            }
            assertEquals(Long.valueOf(user.group(1)), runAs, workload.getKey() + " runs as its image's user");
        }
        Long operatorUser = manifests.get(Deployment.class, NAMESPACE, OPERATOR).getSpec().getTemplate().getSpec()
                .getSecurityContext().getRunAsUser();
        assertTrue(operatorUser != null && operatorUser != 0, "the operator is not root");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private AgentOptions agentOptions() {
        Container agent = manifests.get(DaemonSet.class, NAMESPACE, AGENT).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        return AgentOptions.parse(ContainerArgs.expanded(agent, NAMESPACE, manifests));
    }

    private OperatorOptions operatorOptions() {
        Container operator = manifests.get(Deployment.class, NAMESPACE, OPERATOR).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        return OperatorOptions.parse(ContainerArgs.expanded(operator, NAMESPACE, manifests));
    }

    /** The pod templates by workload name; each workload has one container (the program). */
    private Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new java.util.TreeMap<>();
        manifests.ofType(Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        manifests.ofType(DaemonSet.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        assertEquals(Set.of(OPERATOR, AGENT), templates.keySet(), "the workloads");
        templates.forEach((name, t) -> assertEquals(1, t.getSpec().getContainers().size(), name + ": one container"));
        return templates;
    }

    private String serviceAccount(String workload) {
        return podTemplates().get(workload).getSpec().getServiceAccountName();
    }

    private static void clusterWide(Set<Grant> grants, String group, String resource, String... verbs) {
        for (String verb : verbs) {
            grants.add(new Grant(RbacGrants.ANY, group, resource, verb, RbacGrants.ANY));
        }
    }

    /** Says what is missing and what is extra, rather than printing two sets of twenty grants. */
    private static void assertGrants(String workload, Set<Grant> expected, Set<Grant> actual) {
        Set<Grant> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<Grant> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), workload + "'s RBAC: missing " + missing
                + " (the program needs them), extra " + extra + " (the program does not use them)");
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
    }

    private static void assertProbe(Container container, Probe probe, String path, int port) {
        assertNotNull(probe, container.getName() + ": probe for " + path);
        assertNotNull(probe.getHttpGet(), container.getName() + ": " + path + " is an HTTP probe");
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals(port, containerPort(container, probe.getHttpGet().getPort()), path + " probe port");
    }

    /** A port given by number or by the name of one of the container's ports. */
    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> Objects.equals(p.getName(), port.getStrVal())).findFirst()
                .map(ContainerPort::getContainerPort)
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    private static String finalName(Path pom) throws IOException {
        Matcher m = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(pom));
        if (!m.find()) {
            fail(pom + " sets no finalName; the Dockerfiles copy <module>/target/<finalName>.jar");
        }
        return m.group(1);
    }

    private static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path dir = module; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("manifests").resolve(ManifestSet.KUSTOMIZATION))) {
                return dir;
            }
        }
        throw new IllegalStateException("no manifests/kustomization.yaml above " + module);
    }
}
