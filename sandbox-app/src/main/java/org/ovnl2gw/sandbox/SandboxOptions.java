package org.ovnl2gw.sandbox;

import java.nio.file.Path;

/** The sandbox's command line. */
record SandboxOptions(Path repo, Path dir, int kubePort, int metricsPort, int healthPort, boolean exitWhenReady,
                      boolean help) {

    static final String USAGE = """
            usage: ./sandbox [options]
              Runs the whole OVN L2 gateway system locally: embedded Kubernetes API, OVN central, two
              hypervisors, two gateway nodes with the node agent, a host on the physical network, and the
              operator. Prints "sandbox ready: kubeconfig=<path>" when traffic crosses the gateway, then runs
              until Ctrl-C (or SIGTERM) and removes everything it started.

              --dir DIR            working directory, removed on exit (default: $TMPDIR/l2gw-sandbox)
              --kube-port PORT     port of the embedded Kubernetes API on 127.0.0.1 (default 16443)
              --metrics-port PORT  operator metrics port (default 18080)
              --health-port PORT   operator health port (default 18081)
              --exit-when-ready    stop right after the ready line (for scripted checks)
              --help               this text
            """;

    static SandboxOptions parse(String... args) {
        Path repo = Path.of(".").toAbsolutePath().normalize();
        Path dir = Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "l2gw-sandbox");
        int kube = 16443;
        int metrics = 18080;
        int health = 18081;
        boolean exit = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(value(args, ++i)).toAbsolutePath().normalize();
                case "--dir" -> dir = Path.of(value(args, ++i)).toAbsolutePath().normalize();
                case "--kube-port" -> kube = port(value(args, ++i));
                case "--metrics-port" -> metrics = port(value(args, ++i));
                case "--health-port" -> health = port(value(args, ++i));
                case "--exit-when-ready" -> exit = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
            }
        }
        return new SandboxOptions(repo, dir, kube, metrics, health, exit, help);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("not a TCP port: " + text);
    }
}
