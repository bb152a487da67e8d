package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed kubectl against the embedded API holding the project's generated CRDs: objects the schema refuses
 * are refused on create, on re-apply and on patch with the error a cluster prints, naming the field; nothing is
 * stored for them.
 */
class KubectlSchemaIT {
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

    private static String gateway(String name, String specLines) {
        return "apiVersion: l2gw.ovn.org/v1alpha1\nkind: L2Gateway\nmetadata:\n  name: " + name + "\nspec:\n"
                + specLines;
    }

    private String refused(String manifest) {
        Kubectl.Result result = kubectl.runWithInput(manifest, "apply", "-f", "-");
        assertNotEquals(0, result.exitCode(), result.stdout());
        return result.stderr().strip();
    }

    @Test
    void applyOfEachKindOfInvalidObjectIsRefusedWithTheFieldNamed() {
        assertEquals("The L2Gateway \"wrong-type\" is invalid: spec.vlan: Invalid value: \"string\": spec.vlan in body "
                        + "must be of type integer: \"string\"",
                refused(gateway("wrong-type", "  logicalSwitch: ls1\n  networkName: physnet1\n  vlan: abc\n")));
        assertEquals("The L2Gateway \"out-of-range\" is invalid: spec.vlan: Invalid value: 5000: spec.vlan in body "
                        + "should be less than or equal to 4094",
                refused(gateway("out-of-range", "  logicalSwitch: ls1\n  networkName: physnet1\n  vlan: 5000\n")));
        assertEquals("The L2Gateway \"missing\" is invalid: spec.logicalSwitch: Required value",
                refused(gateway("missing", "  networkName: physnet1\n")));
        assertEquals("The L2Gateway \"bad-name\" is invalid: spec.networkName: Invalid value: \"phys:net\": "
                        + "spec.networkName in body should match '^[^,:\\s]+$'",
                refused(gateway("bad-name", "  logicalSwitch: ls1\n  networkName: \"phys:net\"\n")));
        assertEquals("The L2Gateway \"two\" is invalid: \n* spec.logicalSwitch: Required value\n"
                        + "* spec.vlan: Invalid value: 0: spec.vlan in body should be greater than or equal to 1",
                refused(gateway("two", "  networkName: physnet1\n  vlan: 0\n")));

        assertEquals("No resources found\n", kubectl.run("get", "l2gw").stderr());
    }

    @Test
    void reApplyAndPatchAreCheckedToo() {
        kubectl.okWithInput(gateway("gw", "  logicalSwitch: ls1\n  networkName: physnet1\n  vlan: 100\n"),
                "apply", "-f", "-");

        assertEquals("The L2Gateway \"gw\" is invalid: spec.vlan: Invalid value: 4095: spec.vlan in body should be "
                        + "less than or equal to 4094",
                refused(gateway("gw", "  logicalSwitch: ls1\n  networkName: physnet1\n  vlan: 4095\n")));
        Kubectl.Result patch = kubectl.run("patch", "l2gw", "gw", "--type", "merge", "-p",
                "{\"spec\":{\"networkName\":null}}");
        assertNotEquals(0, patch.exitCode());
        assertEquals("The L2Gateway \"gw\" is invalid: spec.networkName: Required value", patch.stderr().strip());

        assertEquals("100", kubectl.ok("get", "l2gw", "gw", "-o", "jsonpath={.spec.vlan}"));
    }
}
