package org.ovnl2gw.operator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.testbed.BoundedCommand;

/** The shaded jar as users run it: {@code java -jar operator/target/operator.jar}. */
class OperatorJarIT {
    private static final Path JAR = Path.of("target", "operator.jar");

    @Test
    void helpListsTheOptionsAndExitsZero() throws Exception {
        Result result = run("--help");
        assertEquals(0, result.exitCode(), result.output());
        for (String option : List.of("--ovn-nb-db", "--ovn-sb-db", "--kubeconfig", "--metrics-port", "--health-port",
                "--ssl-key", "--ssl-cert", "--ssl-ca", "--failover-timeout", "--orphan-grace",
                "--leader-election-namespace", "--leader-election-lease", "--leader-election-identity")) {
            assertTrue(result.output().contains(option + " "), option + " missing from\n" + result.output());
        }
    }

    @Test
    void aWrongOptionIsNamedAndExitsTwo() throws Exception {
        Result result = run("--ovn-nb-db", "http://nb:6641");
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("--ovn-nb-db"), result.output());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... args) {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        BoundedCommand.Result r = BoundedCommand.run(new ProcessBuilder(command).redirectErrorStream(true),
                Duration.ofSeconds(60));
        return new Result(r.exitCode(), r.stdout());
    }
}
