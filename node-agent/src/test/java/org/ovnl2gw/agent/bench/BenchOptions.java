package org.ovnl2gw.agent.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command line of {@code bench/vs-ovn-controller}. */
record BenchOptions(int reps, int soakSeconds, int idleSeconds, int scalePorts, int probeIntervalMillis,
                    Optional<List<String>> agentJvmOpts, Path agentJar, List<String> agentArgs, boolean withStandby,
                    Path out, boolean keep, boolean help) {

    static final String USAGE = """
            usage: bench/vs-ovn-controller [options]
              One topology, two gateway chassis on the same networks: gwA runs ovn-controller, gwB our node
              agent (its own JVM). Alternating them rep by rep, prints p50/p90/max and agent/ovn-controller
              ratios of: NB l2gateway-chassis set -> SB bound -> first frame; release; N ports on N VLANs
              created at once -> bound, patch ports, first frame on the first and the last VLAN; br-int flows;
              RSS and idle CPU with 1 and N ports; the agent's RSS after a soak. Progress on stderr, the
              table (markdown) on stdout, every raw sample in a TSV file (path printed at the end).

              --reps N               repetitions of each latency figure per gateway (default 15)
              --soak SECS            how long the agent keeps N ports before its last RSS reading (default 600)
              --idle SECS            window of each idle CPU reading (default 60)
              --quick                reps 5, soak 30, idle 20 (options given explicitly still win)
              --ports N              ports (and VLANs) of the scale figures (default 200)
              --probe-interval MS    one probe frame every MS milliseconds while waiting (default 5)
              --agent-jvm-opts "..." JVM flags of the agent process (default: the image's ENTRYPOINT flags
                                     and the DaemonSet's memory limit as the JVM would see it; printed);
                                     the image's ENV (e.g. MALLOC_ARENA_MAX) is set either way
              --agent-jar FILE       the agent's jar (default node-agent/target/node-agent.jar)
              --agent-args "..."     more node-agent options (default none: production defaults,
                                     heartbeat 2 s, BFD 200 ms)
              --with-standby         name the other gateway as standby (options:ovn-l2gw-candidates, as the
                                     operator does when both are eligible): the agent then fences its flows
                                     with a lease renewed every pass, since ovn-controller is a candidate
              --out FILE             raw samples (default target/vs-ovn-controller/samples-<time>.tsv)
              --keep                 keep the testbed directory (logs, databases) after the run
              --help                 this text
            """;

    static BenchOptions parse(String... args) {
        Integer reps = null;
        Integer soak = null;
        Integer idle = null;
        boolean quick = false;
        int ports = 200;
        int probe = 5;
        List<String> jvm = null;
        Path jar = Path.of("node-agent/target/node-agent.jar");
        List<String> agentArgs = List.of();
        boolean standby = false;
        Path out = null;
        boolean keep = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--reps" -> reps = positive(args, ++i, arg);
                case "--soak" -> soak = positive(args, ++i, arg);
                case "--idle" -> idle = positive(args, ++i, arg);
                case "--quick" -> quick = true;
                case "--ports" -> ports = positive(args, ++i, arg);
                case "--probe-interval" -> probe = positive(args, ++i, arg);
                case "--agent-jvm-opts" -> jvm = words(value(args, ++i, arg));
                case "--agent-jar" -> jar = Path.of(value(args, ++i, arg));
                case "--agent-args" -> agentArgs = words(value(args, ++i, arg));
                case "--with-standby" -> standby = true;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--keep" -> keep = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
            }
        }
        if (ports > 4000) {
            throw new IllegalArgumentException("--ports: at most 4000 (one VLAN each, from 1001)");
        }
        if (out == null) {
            out = Path.of("target", "vs-ovn-controller", "samples-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".tsv");
        }
        return new BenchOptions(reps != null ? reps : quick ? 5 : 15, soak != null ? soak : quick ? 30 : 600,
                idle != null ? idle : quick ? 20 : 60, ports, probe, Optional.ofNullable(jvm), jar, agentArgs, standby,
                out, keep, help);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String value(String[] args, int i, String option) {
        // a value may start with "--" (JVM flags, agent options), so only a missing one is an error
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value (see --help)");
        }
        return args[i];
    }

    private static int positive(String[] args, int i, String option) {
        String text = value(args, i, option);
        try {
            int v = Integer.parseInt(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, got " + text);
    }
}
