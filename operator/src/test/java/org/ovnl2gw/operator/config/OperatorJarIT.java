package org.ovnl2gw.operator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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

    private static Result run(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not exit:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}
