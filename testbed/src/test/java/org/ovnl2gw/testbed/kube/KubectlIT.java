package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded API as a kubectl user sees it: the installed kubectl against our cluster-scoped custom kinds. */
class KubectlIT {
    @TempDir
    Path dir;

    private EmbeddedKubeApi api;
    private Kubectl kubectl;

    @BeforeEach
    void start() {
        api = EmbeddedKubeApi.start(0);
        api.applyCrds(TestCrds.crdsDir());
        kubectl = new Kubectl(api.writeKubeconfig(dir.resolve("kubeconfig")), dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void apiResourcesListsOurKindsWithShortNames() {
        String resources = kubectl.ok("api-resources");

        assertTrue(resources.matches("(?s).*\\nl2gateways\\s+l2gw\\s+l2gw\\.ovn\\.org/v1alpha1\\s+false\\s+L2Gateway\\n.*"),
                resources);
        assertTrue(resources.matches("(?s).*\\nbridgemappings\\s+bm\\s+l2gw\\.ovn\\.org/v1alpha1\\s+false\\s+BridgeMapping\\n.*"),
                resources);
        assertTrue(resources.matches("(?s).*\\nleases\\s+coordination\\.k8s\\.io/v1\\s+true\\s+Lease\\n.*"), resources);
    }

    @Test
    void applyGetDescribeDelete() {
        Path manifest = TestCrds.resource("l2gateway.yaml");

        assertEquals("l2gateway.l2gw.ovn.org/physnet-gw created\n", kubectl.ok("apply", "-f", manifest.toString()));

        String table = kubectl.ok("get", "l2gw");
        assertTrue(table.startsWith("NAME "), table);
        assertTrue(table.contains("\nphysnet-gw "), table);

        String yaml = kubectl.ok("get", "l2gw", "physnet-gw", "-o", "yaml");
        assertTrue(yaml.contains("kind: L2Gateway"), yaml);
        assertTrue(yaml.contains("network: physnet1"), yaml);
        assertTrue(yaml.contains("generation: 1"), yaml);

        String describe = kubectl.ok("describe", "l2gw", "physnet-gw");
        assertTrue(describe.contains("Name:         physnet-gw"), describe);
        assertTrue(describe.matches("(?s).*Spec:.*Network:\\s+physnet1\n.*"), describe);

        assertEquals("l2gateway.l2gw.ovn.org \"physnet-gw\" deleted\n", kubectl.ok("delete", "l2gw", "physnet-gw"));
        Kubectl.Result gone = kubectl.run("get", "l2gw", "physnet-gw");
        assertNotEquals(0, gone.exitCode());
        assertTrue(gone.stderr().contains("NotFound") && gone.stderr().contains("\"physnet-gw\" not found"), gone.stderr());
    }

    @Test
    void reApplyAfterEditingReplacesListsAndDropsRemovedFields() throws IOException {
        kubectl.ok("apply", "-f", TestCrds.resource("l2gateway.yaml").toString());
        String edited = Files.readString(TestCrds.resource("l2gateway.yaml"))
                .replace("vlan: 100", "vlan: 200")
                .replace("[node-a, node-b]", "[node-c]")
                .replace("  nodeSelector:\n    role: gateway\n", "");

        assertEquals("l2gateway.l2gw.ovn.org/physnet-gw configured\n", kubectl.okWithInput(edited, "apply", "-f", "-"));

        assertEquals("{\"chassisPreference\":[\"node-c\"],\"logicalSwitch\":\"ls0\",\"network\":\"physnet1\",\"vlan\":200}",
                kubectl.ok("get", "l2gw", "physnet-gw", "-o", "jsonpath={.spec}"));
        assertEquals("2", kubectl.ok("get", "l2gw", "physnet-gw", "-o", "jsonpath={.metadata.generation}"));
        assertEquals("l2gateway.l2gw.ovn.org/physnet-gw unchanged\n", kubectl.okWithInput(edited, "apply", "-f", "-"));
    }

    @Test
    void mergePatchReplacesArraysAndNullRemovesKeys() {
        kubectl.ok("apply", "-f", TestCrds.resource("l2gateway.yaml").toString());

        kubectl.ok("patch", "l2gw", "physnet-gw", "--type", "merge",
                "-p", "{\"spec\":{\"chassisPreference\":[\"node-x\"],\"logicalSwitch\":null,\"nodeSelector\":{\"zone\":\"b\"}}}");

        assertEquals("{\"chassisPreference\":[\"node-x\"],\"network\":\"physnet1\","
                        + "\"nodeSelector\":{\"role\":\"gateway\",\"zone\":\"b\"},\"vlan\":100}",
                kubectl.ok("get", "l2gw", "physnet-gw", "-o", "jsonpath={.spec}"));
    }

    @Test
    void statusIsASubresource() {
        kubectl.ok("apply", "-f", TestCrds.resource("l2gateway.yaml").toString());

        kubectl.ok("patch", "l2gw", "physnet-gw", "--type", "merge", "-p", "{\"status\":{\"ignored\":true}}");
        assertEquals("", kubectl.ok("get", "l2gw", "physnet-gw", "-o", "jsonpath={.status}"));

        kubectl.ok("patch", "l2gw", "physnet-gw", "--subresource=status", "--type", "merge",
                "-p", "{\"status\":{\"chassis\":\"node-a\"}}");
        assertEquals("{\"chassis\":\"node-a\"}", kubectl.ok("get", "l2gw", "physnet-gw", "-o", "jsonpath={.status}"));
        assertEquals("1", kubectl.ok("get", "l2gw", "physnet-gw", "-o", "jsonpath={.metadata.generation}"));
        // the store writes "namespace": null into a cluster-scoped object it updates; kube-apiserver sends none
        String yaml = kubectl.ok("get", "l2gw", "physnet-gw", "-o", "yaml");
        assertFalse(yaml.contains("namespace:"), yaml);
    }

    @Test
    void builtInObjectsReApplyWithStrategicMergePatch() {
        kubectl.okWithInput("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: \"1\", b: \"2\"}\n",
                "apply", "-f", "-");
        kubectl.okWithInput("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: \"3\"}\n",
                "apply", "-f", "-");

        assertEquals("{\"a\":\"3\"}", kubectl.ok("get", "configmap", "settings", "-o", "jsonpath={.data}"));
        assertFalse(kubectl.ok("get", "namespaces").isBlank());
        assertEquals("default", kubectl.ok("get", "namespace", "default", "-o", "jsonpath={.metadata.name}"));
    }
}
