package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl get -w} against the embedded API: the watch is a plain HTTP stream, and each change arrives as
 * a row with the CRD's printer columns, as the README's failover walk-through needs (GATEWAY NODE changing).
 */
class KubectlWatchIT {
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
    void getWatchStreamsTheGatewayNodeChange() throws Exception {
        kubectl.okWithInput("apiVersion: l2gw.ovn.org/v1alpha1\nkind: L2Gateway\nmetadata: {name: gw}\n"
                + "spec: {logicalSwitch: ls1, networkName: physnet1, vlan: 100}\n", "apply", "-f", "-");
        kubectl.ok("patch", "l2gw", "gw", "--subresource=status", "--type", "merge",
                "-p", "{\"status\":{\"gatewayNode\":\"worker-1\"}}");
        Path out = dir.resolve("watch.out");
        Process watch = kubectl.start(out, "get", "l2gw", "-w");
        try {
            String first = await(out, text -> text.contains("worker-1"));
            assertTrue(first.startsWith("NAME "), first);
            // the CRD's columns in the CRD's order, AGE last, as kube-apiserver prints them
            assertTrue(first.lines().findFirst().orElseThrow()
                    .matches("NAME\\s+SWITCH\\s+NETWORK\\s+VLAN\\s+READY\\s+GATEWAY NODE\\s+STANDBY\\s+AGE"), first);

            kubectl.ok("patch", "l2gw", "gw", "--subresource=status", "--type", "merge",
                    "-p", "{\"status\":{\"gatewayNode\":\"worker-2\"}}");

            String moved = await(out, text -> text.contains("worker-2"));
            String last = moved.lines().filter(l -> l.contains("worker-2")).findFirst().orElseThrow();
            assertTrue(last.matches("gw\\s+ls1\\s+physnet1\\s+100\\s+worker-2\\s+\\d+s"), moved);
            assertEquals(3, moved.lines().count(), "header, the listed row, the change: " + moved);
            assertTrue(watch.isAlive(), "the watch goes on after the event: " + moved);
        } finally {
            watch.destroy();
            watch.waitFor();
        }
    }

    private static String await(Path out, Predicate<String> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            String text = Files.exists(out) ? Files.readString(out) : "";
            if (done.test(text)) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("kubectl get -w printed only:\n" + text);
            }
            Thread.sleep(100);
        }
    }
}
