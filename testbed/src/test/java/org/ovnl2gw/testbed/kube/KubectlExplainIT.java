package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl explain} of our kinds, from the OpenAPI v3 the embedded API builds from the CRDs' schemas. */
class KubectlExplainIT {
    @TempDir
    Path dir;

    private EmbeddedKubeApi api;
    private Kubectl kubectl;

    @BeforeEach
    void start() {
        api = EmbeddedKubeApi.start(0);
        api.applyCrds(Path.of("..", "crds"));
        kubectl = new Kubectl(api.writeKubeconfig(dir.resolve("kubeconfig")), dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void explainPrintsAFieldsTypeAndDescription() {
        String vlan = kubectl.ok("explain", "l2gateway.spec.vlan");

        assertTrue(vlan.contains("KIND:       L2Gateway"), vlan);
        assertTrue(vlan.contains("VERSION:    v1alpha1"), vlan);
        assertTrue(vlan.contains("FIELD: vlan <integer>"), vlan);
        assertTrue(vlan.replaceAll("\\s+", " ").contains("802.1Q VLAN ID (1-4094) on the physical network."), vlan);
    }

    @Test
    void explainListsFieldsOfNestedObjectsAndTheOtherKind() {
        String spec = kubectl.ok("explain", "l2gw.spec");
        assertTrue(spec.matches("(?s).*FIELDS:.*logicalSwitch\\s+<string> -required-.*vlan\\s+<integer>.*"), spec);

        String nodes = kubectl.ok("explain", "l2gw.spec.gatewayNodes.preferredNodes");
        assertTrue(nodes.contains("FIELD: preferredNodes <[]string>"), nodes);

        String mapping = kubectl.ok("explain", "bridgemapping.spec.mappings", "--recursive");
        assertTrue(mapping.matches("(?s).*bridge\\s+<string> -required-.*networkName\\s+<string> -required-.*"), mapping);
    }
}
