package org.ovnl2gw.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the sandbox needs before it starts anything: programs on the PATH, built jars, free ports. */
final class Prerequisites {
    private static final List<String> PROGRAMS = List.of("ovsdb-server", "ovsdb-tool", "ovs-vswitchd", "ovs-vsctl",
            "ovs-ofctl", "ovs-appctl", "ovn-northd", "ovn-controller", "ovn-nbctl", "ovn-sbctl", "kubectl");

    private Prerequisites() {
    }

    static void check(SandboxOptions options, List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (String program : PROGRAMS) {
            if (!onPath(program)) {
                problems.add(program + " is not installed (scripts/install-prereqs installs OVS, OVN and kubectl)");
            }
        }
        for (Path file : files) {
            if (!Files.exists(file)) {
                problems.add(file + " is missing (build first: mvn -B -DskipTests package)");
            }
        }
        for (int port : List.of(options.kubePort(), options.metricsPort(), options.healthPort())) {
            if (!free(port)) {
                problems.add("port " + port + " on 127.0.0.1 is taken (choose another with --kube-port, "
                        + "--metrics-port or --health-port)");
            }
        }
        if (!problems.isEmpty()) {
            throw new SandboxException("cannot start the sandbox:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
