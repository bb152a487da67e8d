package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingStatus;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewayStatus;
import org.ovnl2gw.api.v1alpha1.NodeMappingResult;

/**
 * {@code kubectl get} prints the printer columns of our CRDs (the generated ones in the repository's
 * {@code crds/}), computed by the embedded API as server-side Tables, while built-in kinds keep kubectl's own
 * NAME/AGE columns.
 */
class KubectlPrinterColumnsIT {
    private static final Path REPOSITORY_CRDS = Path.of("..", "crds");
    private static final List<String> GATEWAY_HEADERS =
            List.of("NAME", "SWITCH", "NETWORK", "VLAN", "READY", "GATEWAY NODE", "STANDBY", "AGE");
    private static final String GATEWAY = """
            apiVersion: l2gw.ovn.org/v1alpha1
            kind: L2Gateway
            metadata: {name: physnet-gw}
            spec: {logicalSwitch: ls0, networkName: physnet1, vlan: 100}
            """;
    private static final String BRIDGE_MAPPING = """
            apiVersion: l2gw.ovn.org/v1alpha1
            kind: BridgeMapping
            metadata: {name: workers}
            spec:
              mappings: [{networkName: physnet1, bridge: br-phys}]
            """;

    @TempDir
    Path dir;

    private EmbeddedKubeApi api;
    private Kubectl kubectl;

    @BeforeEach
    void start() {
        api = EmbeddedKubeApi.start(0);
        api.applyCrds(REPOSITORY_CRDS);
        kubectl = new Kubectl(api.writeKubeconfig(dir.resolve("kubeconfig")), dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void l2GatewayShowsItsColumnsAndReadyFollowsTheStatus() {
        kubectl.okWithInput(GATEWAY, "apply", "-f", "-");

        PrintedTable fresh = PrintedTable.of(kubectl.ok("get", "l2gw"));
        assertEquals(GATEWAY_HEADERS, fresh.headers());
        Map<String, String> row = fresh.row("physnet-gw");
        assertTrue(row.get("AGE").matches("\\d+s"), row.toString());
        assertEquals(List.of("ls0", "physnet1", "100", "", ""), List.of(row.get("SWITCH"), row.get("NETWORK"),
                row.get("VLAN"), row.get("READY"), row.get("GATEWAY NODE")));

        Resource<L2Gateway> gateway = api.client().resources(L2Gateway.class).withName("physnet-gw");
        L2Gateway stored = gateway.get();
        stored.setStatus(L2GatewayStatus.EMPTY
                .withCondition(Condition.of(ConditionTypes.READY, Condition.TRUE, "Programmed", "bridged", 1,
                        Instant.now()))
                .withGatewayNode("node-a"));
        api.client().resource(stored).updateStatus();

        PrintedTable ready = PrintedTable.of(kubectl.ok("get", "l2gw", "physnet-gw"));
        assertEquals(GATEWAY_HEADERS, ready.headers());
        assertEquals(1, ready.rows().size());
        assertEquals("True", ready.row("physnet-gw").get("READY"));
        assertEquals("node-a", ready.row("physnet-gw").get("GATEWAY NODE"));

        // all columns have priority 0: -o wide adds nothing
        assertEquals(GATEWAY_HEADERS, PrintedTable.of(kubectl.ok("get", "l2gw", "-o", "wide")).headers());

        String yaml = kubectl.ok("get", "l2gw", "physnet-gw", "-o", "yaml");
        assertTrue(yaml.startsWith("apiVersion: l2gw.ovn.org/v1alpha1\nkind: L2Gateway\n"), yaml);
        assertTrue(yaml.contains("  networkName: physnet1\n") && yaml.contains("  gatewayNode: node-a\n")
                && yaml.contains("    type: Ready\n"), yaml);
    }

    @Test
    void severalKindsPrintOneTablePerKind() {
        kubectl.okWithInput(GATEWAY + "---\n" + BRIDGE_MAPPING, "apply", "-f", "-");
        MixedOperation<BridgeMapping, ?, Resource<BridgeMapping>> mappings = api.client().resources(BridgeMapping.class);
        BridgeMapping workers = mappings.withName("workers").get();
        workers.setStatus(BridgeMappingStatus.EMPTY
                .withNodes(List.of(new NodeMappingResult("node-a", true, "Mapped", "ok"),
                        new NodeMappingResult("node-b", false, "BridgeMissing", "no br-phys")))
                .withCondition(Condition.of(ConditionTypes.READY, Condition.FALSE, "NodesNotReady", "1 of 2", 1,
                        Instant.now())));
        api.client().resource(workers).updateStatus();

        List<PrintedTable> tables = PrintedTable.allIn(kubectl.ok("get", "l2gw,bm"));

        assertEquals(2, tables.size());
        assertEquals(GATEWAY_HEADERS, tables.get(0).headers());
        assertEquals("physnet1", tables.get(0).row("l2gateway.l2gw.ovn.org/physnet-gw").get("NETWORK"));
        assertEquals(List.of("NAME", "READY", "READY NODES", "SELECTED", "AGE"), tables.get(1).headers());
        Map<String, String> mapping = tables.get(1).row("bridgemapping.l2gw.ovn.org/workers");
        assertEquals(List.of("False", "1", "2"),
                List.of(mapping.get("READY"), mapping.get("READY NODES"), mapping.get("SELECTED")));
    }

    @Test
    void wideSortingLabelsAndNamespacesWorkOnServerSideTables() {
        api.client().resource(widgetCrd()).create();
        kubectl.okWithInput("""
                apiVersion: test.ovn.org/v1
                kind: Widget
                metadata: {name: big, namespace: default, labels: {tier: gold}}
                spec: {size: 3, enabled: true, ratio: 0.5, zone: eu-1}
                ---
                apiVersion: test.ovn.org/v1
                kind: Widget
                metadata: {name: small, namespace: default}
                spec: {size: 1, enabled: false, zone: eu-2}
                ---
                apiVersion: test.ovn.org/v1
                kind: Widget
                metadata: {name: elsewhere, namespace: kube-public}
                spec: {size: 2}
                """, "apply", "-f", "-");

        PrintedTable narrow = PrintedTable.of(kubectl.ok("get", "widgets"));
        assertEquals(List.of("NAME", "SIZE", "ENABLED", "RATIO"), narrow.headers());
        assertEquals(Map.of("NAME", "big", "SIZE", "3", "ENABLED", "true", "RATIO", "0.5"), narrow.row("big"));
        assertEquals(Map.of("NAME", "small", "SIZE", "1", "ENABLED", "false", "RATIO", ""), narrow.row("small"));

        PrintedTable wide = PrintedTable.of(kubectl.ok("get", "widgets", "-o", "wide"));
        assertEquals(List.of("NAME", "SIZE", "ENABLED", "RATIO", "ZONE"), wide.headers());
        assertEquals("eu-2", wide.row("small").get("ZONE"));

        // --sort-by asks for whole objects in the rows (includeObject=Object)
        PrintedTable sorted = PrintedTable.of(kubectl.ok("get", "widgets", "-A", "--sort-by=.spec.size"));
        assertEquals(List.of("NAMESPACE", "NAME", "SIZE", "ENABLED", "RATIO"), sorted.headers());
        assertEquals(List.of("default/small", "kube-public/elsewhere", "default/big"), sorted.rows().stream()
                .map(row -> row.get("NAMESPACE") + "/" + row.get("NAME")).toList());

        // labels come from the PartialObjectMetadata in each row
        PrintedTable labelled = PrintedTable.of(kubectl.ok("get", "widget", "big", "--show-labels", "-L", "tier"));
        assertEquals("gold", labelled.row("big").get("TIER"));
        assertEquals("tier=gold", labelled.row("big").get("LABELS"));

        assertEquals("eu-1", kubectl.ok("get", "widget", "big", "-o", "jsonpath={.spec.zone}"));
    }

    @Test
    void builtInKindsKeepKubectlsOwnNameAndAgeColumns() {
        kubectl.okWithInput("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: \"1\"}\n",
                "apply", "-f", "-");

        for (String kind : List.of("namespaces", "configmaps", "crds")) {
            PrintedTable table = PrintedTable.of(kubectl.ok("get", kind));
            assertEquals(List.of("NAME", "AGE"), table.headers(), kind);
        }
        assertEquals("kube-system", PrintedTable.of(kubectl.ok("get", "namespace", "kube-system")).rows().get(0)
                .get("NAME"));
        assertEquals(List.of("l2gateways.l2gw.ovn.org"), PrintedTable.of(kubectl.ok("get", "crd",
                "l2gateways.l2gw.ovn.org")).rows().stream().map(row -> row.get("NAME")).toList());
    }

    /** A namespaced kind with every column type and a wide-only column, which our own CRDs do not have. */
    private static CustomResourceDefinition widgetCrd() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("widgets.test.ovn.org").endMetadata()
                .withNewSpec()
                .withGroup("test.ovn.org")
                .withScope("Namespaced")
                .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").endNames()
                .addNewVersion()
                .withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema()
                .addNewAdditionalPrinterColumn().withName("Size").withType("integer").withJsonPath(".spec.size")
                .endAdditionalPrinterColumn()
                .addNewAdditionalPrinterColumn().withName("Enabled").withType("boolean")
                .withJsonPath(".spec.enabled").endAdditionalPrinterColumn()
                .addNewAdditionalPrinterColumn().withName("Ratio").withType("number").withJsonPath(".spec.ratio")
                .endAdditionalPrinterColumn()
                .addNewAdditionalPrinterColumn().withName("Zone").withType("string").withJsonPath(".spec.zone")
                .withPriority(1).endAdditionalPrinterColumn()
                .endVersion()
                .endSpec()
                .build();
    }
}
