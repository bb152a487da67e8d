package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl describe} of a cluster-scoped custom resource lists its Events, found by kubectl with the
 * involvedObject field selector across namespaces (ours are written to the operator's namespace), and only its.
 */
class KubectlDescribeIT {
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

    private static String event(String name, String about, String uid, String reason, String message) {
        String now = Instant.now().toString().replaceAll("\\.\\d+Z$", "Z");
        return "apiVersion: v1\nkind: Event\nmetadata: {name: " + name + ", namespace: l2gw-system}\n"
                + "involvedObject: {apiVersion: l2gw.ovn.org/v1alpha1, kind: L2Gateway, name: " + about + ", uid: \""
                + uid + "\"}\ntype: Warning\nreason: " + reason + "\nmessage: \"" + message + "\"\ncount: 1\n"
                + "firstTimestamp: \"" + now + "\"\nlastTimestamp: \"" + now + "\"\nsource: {component: l2gw-operator}\n";
    }

    @Test
    void describeListsTheObjectsEventsAndNoOthers() {
        kubectl.okWithInput("apiVersion: v1\nkind: Namespace\nmetadata: {name: l2gw-system}\n", "apply", "-f", "-");
        for (String name : new String[] {"gw", "other"}) {
            kubectl.okWithInput("apiVersion: l2gw.ovn.org/v1alpha1\nkind: L2Gateway\nmetadata: {name: " + name + "}\n"
                    + "spec: {logicalSwitch: ls1, networkName: physnet1}\n", "apply", "-f", "-");
        }
        String uid = kubectl.ok("get", "l2gw", "gw", "-o", "jsonpath={.metadata.uid}");
        String otherUid = kubectl.ok("get", "l2gw", "other", "-o", "jsonpath={.metadata.uid}");
        kubectl.okWithInput(event("gw.1", "gw", uid, "GatewayMoved", "moved from node worker-1 to worker-2"),
                "apply", "-f", "-");
        kubectl.okWithInput(event("other.1", "other", otherUid, "NoEligibleNode", "no node provides physnet1"),
                "apply", "-f", "-");

        String described = kubectl.ok("describe", "l2gw", "gw");

        assertTrue(described.matches("(?s).*\nEvents:\n\\s+Type\\s+Reason\\s+Age\\s+From\\s+Message\n.*"), described);
        assertTrue(described.matches("(?s).*\n\\s+Warning\\s+GatewayMoved\\s+\\S+\\s+l2gw-operator\\s+"
                + "moved from node worker-1 to worker-2\n.*"), described);
        assertFalse(described.contains("NoEligibleNode"), described);
        PrintedTable selected = PrintedTable.of(kubectl.ok("get", "events", "-n", "l2gw-system", "--field-selector",
                "involvedObject.name=other"));
        assertEquals(List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"), selected.headers());
        assertEquals(List.of("Warning", "NoEligibleNode", "l2gateway/other", "no node provides physnet1"),
                selected.rows().stream().flatMap(r -> List.of(r.get("TYPE"), r.get("REASON"), r.get("OBJECT"),
                        r.get("MESSAGE")).stream()).toList());
        assertTrue(selected.rows().get(0).get("LAST SEEN").matches("\\d+s"), selected.toString());
        // -o wide adds what kube-apiserver's printer adds, the Event's name last
        PrintedTable wide = PrintedTable.of(kubectl.ok("get", "events", "-n", "l2gw-system", "-o", "wide"));
        assertEquals(List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN",
                "COUNT", "NAME"), wide.headers());
        assertEquals(List.of("gw.1", "other.1"), wide.rows().stream().map(r -> r.get("NAME")).sorted().toList());
    }
}
