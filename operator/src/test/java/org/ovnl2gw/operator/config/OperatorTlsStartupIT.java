package org.ovnl2gw.operator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovnl2gw.testbed.BoundedCommand;
import org.ovnl2gw.testbed.ExitedProcess;
import org.ovnl2gw.testbed.OutputLines;

/**
 * Each TLS misconfiguration through the operator's real main path ({@code java -jar operator.jar}): a clear
 * line on stderr and exit code 2 before anything starts; a key readable by others draws a warning.
 */
class OperatorTlsStartupIT {
    private static final Path JAR = Path.of("target", "operator.jar");

    @TempDir
    Path dir;
    private Path key;
    private Path cert;

    @BeforeEach
    void certificate() throws Exception {
        key = dir.resolve("operator-privkey.pem");
        cert = dir.resolve("operator-cert.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-subj", "/CN=ovn-l2gw-operator", "-days", "1");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    private List<String> args(String nb, String sb, Path privateKey) {
        List<String> args = new ArrayList<>(List.of("--ovn-nb-db", nb, "--ovn-sb-db", sb));
        if (privateKey != null) {
            args.addAll(List.of("--ssl-key", privateKey.toString(), "--ssl-cert", cert.toString(), "--ssl-ca", cert.toString()));
        }
        return args;
    }

    @Test
    void sslFilesWithPlainRemotesAreRefused() throws Exception {
        ExitedProcess r = operator(args("tcp:127.0.0.1:6641", "unix:/run/ovn/ovnsb_db.sock", key));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("operator: --ssl-key/--ssl-cert/--ssl-ca are given but neither --ovn-nb-db tcp:127.0.0.1:6641 nor "
                + "--ovn-sb-db unix:/run/ovn/ovnsb_db.sock is an ssl: remote; the connections would not be encrypted. "
                + "Use ssl:HOST:PORT, or drop the --ssl-* options\n", r.stderr());
    }

    @Test
    void anSslRemoteWithoutFilesIsRefused() throws Exception {
        ExitedProcess r = operator(args("unix:/run/ovn/ovnnb_db.sock", "ssl:127.0.0.1:6642", null));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("operator: --ovn-sb-db ssl:127.0.0.1:6642 is an ssl: remote: give --ssl-key, --ssl-cert and --ssl-ca\n",
                r.stderr());
    }

    @Test
    void aMissingKeyIsRefused() throws Exception {
        Path missing = dir.resolve("missing.pem");
        ExitedProcess r = operator(args("ssl:127.0.0.1:6641", "ssl:127.0.0.1:6642", missing));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("operator: private key " + missing + " does not exist\n", r.stderr());
    }

    @Test
    void anUnsupportedKeyIsRefused() throws Exception {
        Path encrypted = dir.resolve("encrypted.pem");
        run("openssl", "pkcs8", "-topk8", "-in", key.toString(), "-out", encrypted.toString(), "-passout", "pass:x");
        ExitedProcess r = operator(args("ssl:127.0.0.1:6641", "ssl:127.0.0.1:6642", encrypted));
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("operator: private key " + encrypted + " is encrypted"), r.stderr());
    }

    @Test
    void aPkcs1KeyReadableByOthersIsAcceptedWithAWarning() throws Exception {
        Path pkcs1 = dir.resolve("operator-privkey-pkcs1.pem");
        run("openssl", "rsa", "-in", key.toString(), "-traditional", "-out", pkcs1.toString());
        Files.setPosixFilePermissions(pkcs1, PosixFilePermissions.fromString("rw-r-----"));
        // accepted: the operator goes on to decide where the Kubernetes API is, which is far enough here. It
        // is stopped there: without a Kubernetes configuration it would wait ~20 s for the lookup of
        // kubernetes.default.svc to fail before it exits
        ExitedProcess r = operatorUntil(args("ssl:127.0.0.1:6641", "ssl:127.0.0.1:6642", pkcs1), "Main: decided: Kubernetes API at");
        assertTrue(r.stderr().contains("WARNING Main: private key " + pkcs1 + " is readable by its group; make it "
                + "private with 'chmod 600 " + pkcs1 + "'"), r.stderr());
        assertTrue(!r.stderr().contains("operator: private key"), r.stderr());
        assertTrue(r.stderr().contains("Main: decided: Kubernetes API at"), "started past the options: " + r.stderr());
    }

    private ExitedProcess operator(List<String> args) throws IOException, InterruptedException {
        return ExitedProcess.await(start(args), "the operator", Duration.ofSeconds(60));
    }

    /** Its stderr up to and with the first line containing {@code marker} (or up to its exit); then it is stopped. */
    private ExitedProcess operatorUntil(List<String> args, String marker) throws IOException, InterruptedException {
        Process p = start(args);
        OutputLines err = OutputLines.follow(p.getErrorStream(), "the operator", line -> { });
        try {
            err.awaitLine(0, line -> line.contains(marker), Duration.ofSeconds(60), "line with " + marker);
            return ExitedProcess.stop(p, err, Duration.ofSeconds(60));
        } finally {
            p.destroyForcibly(); // nothing once it has stopped; a kill when the wait for the line failed
        }
    }

    private Process start(List<String> args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("KUBECONFIG");
        pb.environment().remove("KUBERNETES_SERVICE_HOST");
        pb.environment().put("HOME", dir.toString());
        return pb.start();
    }

    private void run(String... command) {
        BoundedCommand.Result r = BoundedCommand.run(new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true), Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + r.stdout());
        }
    }
}
