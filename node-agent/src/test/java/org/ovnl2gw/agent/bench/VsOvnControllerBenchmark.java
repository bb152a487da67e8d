package org.ovnl2gw.agent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.ovnl2gw.testbed.HostEnv;

/**
 * {@code bench/vs-ovn-controller}: our node agent side by side with ovn-controller as the l2gateway chassis,
 * in one run on one topology (see {@link BenchBed}), alternating the two rep by rep (see
 * {@link Measurements}). The agent is a black box here: its jar, its command line, its pid.
 */
public final class VsOvnControllerBenchmark {
    private VsOvnControllerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vs-ovn-controller: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        if (!Files.isRegularFile(options.agentJar())) {
            System.err.println("vs-ovn-controller: no agent jar at " + options.agentJar() + " (mvn package builds it)");
            System.exit(2);
        }
        if (options.keep()) {
            System.setProperty("testbed.keep", "true");
        }
        Path dockerfile = Path.of("images/node-agent/Dockerfile");
        List<String> jvm = options.agentJvmOpts().orElseGet(() -> ProductionJvmFlags.read(
                dockerfile, Path.of("manifests/40-node-agent-daemonset.yaml")));
        AgentLaunch launch = new AgentLaunch(jvm, ProductionJvmFlags.environment(dockerfile));
        Progress progress = new Progress();
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = loadAverage();
        try (Samples samples = new Samples(options.out());
             BenchBed bed = BenchBed.build(options, launch, progress)) {
            Measurements m = new Measurements(bed, options, samples, progress);
            progress.say("settling, then br-int's flows with nothing bound");
            m.baselineFlows();
            for (int rep = 0; rep < options.reps(); rep++) {
                m.bindAndRelease(rep);
            }
            m.footprintOnePort();
            progress.say("creating " + options.scalePorts() + " logical switches for the scale figures");
            m.createScaleSwitches();
            for (int rep = 0; rep < options.reps(); rep++) {
                m.scale(rep);
            }
            m.footprintScale();
            print(options, launch, samples, started, loadBefore, versions(bed));
            progress.say("raw samples: " + samples.file().toAbsolutePath());
            if (options.keep()) {
                progress.say("testbed kept: " + bed.testbed.baseDir() + " (agent log " + bed.agentProcess.log() + ")");
            }
        }
    }

    private static void print(BenchOptions o, AgentLaunch launch, Samples samples, String started, String loadBefore,
                              String versions) {
        int n = o.scalePorts();
        int lastVlan = 1000 + n;
        ResultTable table = new ResultTable()
                .row("bind.frame", "NB port created with `l2gateway-chassis` -> first frame through the gateway,"
                        + " physical -> overlay", "ms", 1)
                .row("bind.sb", "NB port created -> SB `Port_Binding.chassis` bound", "ms", 1)
                .row("bind.flow", "SB bound -> first frame (the flow part; negative: the flows were in before the"
                        + " claim)", "ms", 1)
                .row("bind.frame.back", "NB port created -> first frame the other way, overlay -> physical (vif1 to the"
                        + " physical host)", "ms", 1)
                .row("release.sb", "NB port deleted -> SB binding gone", "ms", 1)
                .row("release.frame", "NB port deleted -> frames stop", "ms", 1)
                .countRow("release.stuck", "release: frames still crossing 5 s after the delete (reps)")
                .row("scale.sb.first", n + " ports (VLANs 1001-" + lastVlan + ") created -> first SB bound", "ms", 0)
                .row("scale.sb.last", n + " ports created -> all SB bound", "ms", 0)
                .row("scale.patch", n + " ports created -> the patch ports they use on br-int", "ms", 0)
                .row("scale.frame.first", n + " ports created -> first frame on VLAN 1001", "ms", 0)
                .row("scale.frame.last", n + " ports created -> first frame on VLAN " + lastVlan, "ms", 0)
                .row("flows.0", "br-int flows, nothing bound", "", 0)
                .row("flows.1", "br-int flows, 1 port", "", 0)
                .row("flows.N", "br-int flows, " + n + " ports", "", 0)
                .row("rss.1", "RSS, 1 port", "MB", 1)
                .row("rss.N", "RSS, " + n + " ports", "MB", 1)
                .row("soak.rss", "RSS, " + n + " ports, after " + o.soakSeconds() + " s", "MB", 1)
                .row("soak.rss.max", "RSS, " + n + " ports, max during the soak", "MB", 1)
                .row("cpu.1", "idle CPU over " + o.idleSeconds() + " s, 1 port (% of a core)", "%", 2)
                .row("cpu.N", "idle CPU over " + o.idleSeconds() + " s, " + n + " ports (% of a core)", "%", 2)
                .row("soak.cpu", "CPU during the soak, " + n + " ports (% of a core)", "%", 2);
        System.out.println();
        System.out.println("vs-ovn-controller, " + started + ": " + versions + "; " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + loadBefore + " at the start, " + loadAverage() + " at the end");
        System.out.println("reps " + o.reps() + " (alternating), probe every " + o.probeIntervalMillis() + " ms, idle window "
                + o.idleSeconds() + " s, soak " + o.soakSeconds() + " s" + (o.withStandby() ? ", other gateway named standby" : "")
                + "; agent JVM: " + launch.describe()
                + (o.agentArgs().isEmpty() ? "" : "; agent options: " + String.join(" ", o.agentArgs())));
        System.out.println();
        System.out.print(table.render(samples));
        System.out.println();
        System.out.println("raw samples: " + samples.file().toAbsolutePath());
    }

    private static String versions(BenchBed bed) {
        HostEnv env = bed.ovnController.host().env();
        String ovn = env.run("ovn-controller", "--version").lines().findFirst().orElse("ovn-controller ?");
        String ovs = env.run("ovs-vswitchd", "--version").lines().findFirst().orElse("ovs-vswitchd ?");
        return ovn + ", " + ovs + ", Java " + System.getProperty("java.version");
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", f[0], f[1], f[2]).toLowerCase(Locale.ROOT);
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
