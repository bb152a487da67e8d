package org.ovnl2gw.agent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionJvmFlagsTest {
    private static final String DAEMONSET = """
                resources:
                  requests:
                    cpu: 50m
                    memory: 192Mi
                  limits:
                    memory: 384Mi
            """;

    @Test
    void theEntrypointFlagsAndWhatTheContainerLimitMakesOfThem() {
        String dockerfile = "FROM x\nENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", \"/opt/a.jar\"]\n";
        assertEquals(List.of("-XX:MaxRAMPercentage=75", "-XX:MaxRAM=384m", "-XX:+UseSerialGC"),
                ProductionJvmFlags.of(dockerfile, DAEMONSET));
        String withGc = "ENTRYPOINT [\"java\", \"-XX:+UseG1GC\", \"-jar\", \"/opt/a.jar\"]\n";
        assertEquals(List.of("-XX:+UseG1GC", "-XX:MaxRAM=384m"), ProductionJvmFlags.of(withGc, DAEMONSET));
        assertEquals(List.of("-Xmx64m"), ProductionJvmFlags.of("ENTRYPOINT [\"java\", \"-Xmx64m\", \"-jar\", \"a\"]", ""));
        assertThrows(IllegalArgumentException.class, () -> ProductionJvmFlags.of("CMD [\"java\"]", DAEMONSET));
    }

    @Test
    void theRepositoryFilesParse() {
        // the files the command reads by default (the test runs in node-agent/)
        List<String> flags = ProductionJvmFlags.read(Path.of("../images/node-agent/Dockerfile"),
                Path.of("../manifests/40-node-agent-daemonset.yaml"));
        assertEquals(true, flags.stream().anyMatch(f -> f.startsWith("-XX:MaxRAM=")), flags.toString());
    }

    @Test
    void quickSetsDefaultsOnlyAndOptionsKeepLeadingDashes() {
        BenchOptions quick = BenchOptions.parse("--reps", "7", "--quick", "--agent-jvm-opts", "-Xmx64m -XX:+UseSerialGC");
        assertEquals(7, quick.reps());
        assertEquals(30, quick.soakSeconds());
        assertEquals(20, quick.idleSeconds());
        assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC"), quick.agentJvmOpts().orElseThrow());
        BenchOptions full = BenchOptions.parse();
        assertEquals(15, full.reps());
        assertEquals(600, full.soakSeconds());
        assertEquals(60, full.idleSeconds());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--reps", "0"));
    }

    @Test
    void cpuTicksSkipACommandWithSpaces() {
        String stat = "123 (java main) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0";
        assertEquals(300, ProcessMeter.cpuTicks(stat));
    }
}
