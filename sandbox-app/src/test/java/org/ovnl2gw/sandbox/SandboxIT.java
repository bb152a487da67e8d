package org.ovnl2gw.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ovnl2gw.testbed.Daemon;
import org.ovnl2gw.testbed.HostEnv;
import org.ovnl2gw.testbed.OutputLines;
import org.ovnl2gw.testbed.PcapFile;

/**
 * Drives the sandbox as a new user would: run the jar, wait for the ready line, use kubectl against its
 * kubeconfig, delete the L2Gateway with kubectl, then stop it with SIGTERM and check nothing is left.
 */
class SandboxIT {
    private static final Pattern READY = Pattern.compile("^sandbox ready: kubeconfig=(.+)$");
    private static final Pattern KILL_HINT = Pattern.compile("^\\s+kill (\\d+)\\s+# (.+)$");

    private Process sandbox;

    @AfterEach
    void stop() throws InterruptedException {
        if (sandbox != null && sandbox.isAlive()) {
            sandbox.toHandle().destroy(); // SIGTERM: the sandbox stops its daemons and removes its directory
            if (!sandbox.waitFor(90, TimeUnit.SECONDS)) {
                sandbox.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void readyThenKubectlThenDeleteThenNothingLeftBehind() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "sbxit");
        Files.delete(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        sandbox = new ProcessBuilder(java, "-jar", repo.resolve("sandbox-app/target/sandbox.jar").toString(),
                "--repo", repo.toString(), "--dir", dir.toString(), "--kube-port", freePort(),
                "--metrics-port", freePort(), "--health-port", freePort())
                .redirectErrorStream(true).start();
        // read from the start to the end on its own thread: every wait below has a deadline, and the sandbox never
        // blocks writing to a pipe nobody reads
        OutputLines output = OutputLines.follow(sandbox.getInputStream(), "sandbox",
                line -> System.out.println("sandbox| " + line));
        output.awaitLine(0, l -> l.startsWith("Ctrl-C"), Duration.ofSeconds(240), "walkthrough's last line");
        Path kubeconfig = null;
        List<Long> childPids = new ArrayList<>();
        List<String> killHints = new ArrayList<>();
        for (String line : output.lines()) {
            Matcher ready = READY.matcher(line);
            if (ready.matches()) {
                kubeconfig = Path.of(ready.group(1));
            }
            Matcher kill = KILL_HINT.matcher(line);
            if (kill.matches()) {
                childPids.add(Long.parseLong(kill.group(1)));
                killHints.add(kill.group(2).strip());
            }
        }
        assertTrue(kubeconfig != null, "the sandbox printed its ready line:\n" + String.join("\n", output.lines()));
        assertTrue(output.lines().stream().anyMatch(l -> l.contains("traffic: ") && l.contains("cases as expected")));
        assertTrue(output.lines().stream().noneMatch(l -> l.strip().startsWith("FAIL")), "every traffic case as expected");
        assertEquals(List.of("ovs-vswitchd of worker-1", "ovs-vswitchd of worker-2", "node-agent worker-1",
                "node-agent worker-2"), killHints, "the failover hints name both gateways' switches and agents");

        assertEquals("True", kubectl(kubeconfig, "get", "l2gw", "tenant1-physnet1", "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"));
        assertEquals("True", kubectl(kubeconfig, "get", "bm", "physnet1", "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"));
        String table = kubectl(kubeconfig, "get", "l2gw");
        assertTrue(table.contains("tenant1-physnet1") && table.contains("True"), table);

        step("traffic crosses");
        // traffic crosses now: a broadcast from vif1 reaches vif3 behind the gateway
        assertTrue(broadcastReachesPhysicalHost(dir), "broadcast from vif1 reaches vif3");

        // the README's move to the other kind of gateway: an administrative move, with no Warning on its way (the
        // old gateway still holding the binding for a moment is a handover, not a BindingContested or a failover)
        step("the README's move to worker-2");
        kubectl(kubeconfig, "patch", "l2gw", "tenant1-physnet1", "--type", "merge", "-p", "{\"spec\":{\"gatewayNodes\":"
                + "{\"nodeSelector\":{\"matchLabels\":{\"kubernetes.io/hostname\":\"worker-2\"}}}}}");
        long moveDeadline = System.currentTimeMillis() + 30_000;
        String movedTo = "";
        while (!movedTo.equals("worker-2 True") && System.currentTimeMillis() < moveDeadline) {
            Thread.sleep(200);
            movedTo = kubectl(kubeconfig, "get", "l2gw", "tenant1-physnet1", "-o", "jsonpath={.status.gatewayNode}"
                    + " {.status.conditions[?(@.type==\"Ready\")].status}").strip();
        }
        assertEquals("worker-2 True", movedTo, "moved to worker-2 and Ready");
        Thread.sleep(1000); // Events are written behind the reconciles
        String events = kubectl(kubeconfig, "get", "events", "-A", "-o", "jsonpath={range .items[*]}{.type} {.reason}"
                + " {.involvedObject.name}: {.message}{\"\\n\"}{end}");
        // nothing went wrong, so nothing says so: the mapping and the gateway on their way to Ready, and the move,
        // are Normal Events
        assertEquals(List.of(), events.lines().filter(l -> l.startsWith("Warning ")).toList(), "Warnings:\n" + events);
        assertTrue(events.lines().anyMatch(l -> l.startsWith("Normal GatewayMoved tenant1-physnet1: moved from node"
                + " worker-1 to worker-2: chassis worker-1 handed the port over")), events);
        step("kubectl delete");
        kubectl(kubeconfig, "delete", "l2gw", "tenant1-physnet1");
        HostEnv nb = new HostEnv(dir.resolve("ovs/ovn-nb"));
        long until = System.currentTimeMillis() + 60_000;
        while (!nb.run("ovn-nbctl", "--db=unix:" + dir.resolve("ovs/ovn-nb/ovn-nb.sock"), "--bare", "--columns=name",
                "find", "Logical_Switch_Port", "type=l2gateway").isBlank() && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertEquals("", nb.run("ovn-nbctl", "--db=unix:" + dir.resolve("ovs/ovn-nb/ovn-nb.sock"), "--bare",
                "--columns=name", "find", "Logical_Switch_Port", "type=l2gateway").strip(), "the port is removed");
        assertFalse(broadcastReachesPhysicalHost(dir), "no traffic crosses once the L2Gateway is deleted");

        step("SIGTERM");
        int linesBefore = output.lines().size();
        sandbox.toHandle().destroy(); // SIGTERM, as Ctrl-C would (Process.destroy would close our pipe)
        assertTrue(sandbox.waitFor(90, TimeUnit.SECONDS), "the sandbox stops on SIGTERM");
        assertTrue(output.awaitEnd(Duration.ofSeconds(10)), "nothing the sandbox started still holds its output");
        assertTrue(output.lines().stream().skip(linesBefore).anyMatch(l -> l.contains("nothing left behind")),
                String.join("\n", output.lines()));
        assertFalse(Files.exists(dir), "its directory is removed");
        for (long pid : childPids) {
            // a detached OVS daemon that exited is a zombie until init reaps it (seconds here): stopped all the same
            assertFalse(Daemon.running(pid), "child " + pid + " stopped");
        }
        assertEquals(List.of(), processesMentioning(dir.toString()), "no daemon of the sandbox is left running");
    }

    private static void step(String what) {
        System.out.println("SandboxIT: " + what); // where a CI log stops says which step did not finish
    }

    private static boolean broadcastReachesPhysicalHost(Path dir) throws InterruptedException {
        Path pcap = dir.resolve("ovs/hv3/vif3-tx.pcap");
        int before = PcapFile.frames(pcap).size();
        new HostEnv(dir.resolve("ovs/hv1")).run("ovs-appctl", "netdev-dummy/receive", "vif1",
                "ffffffffffff" + "f00000000001" + "0777");
        long until = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < until) {
            if (PcapFile.frames(pcap).size() > before) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The sandbox's own kubectl runner: request timeout, bounded command, a failure saying what it printed. */
    private static String kubectl(Path kubeconfig, String... args) {
        return new Kubectl(kubeconfig).run(args).strip();
    }

    private static List<String> processesMentioning(String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains(text)) {
                        found.add(proc.getFileName() + ": " + cmdline);
                    }
                } catch (IOException e) {
                    // the process went away meanwhile
                }
            }
        }
        return found;
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }
}
