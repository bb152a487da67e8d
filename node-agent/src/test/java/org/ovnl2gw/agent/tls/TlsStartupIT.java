package org.ovnl2gw.agent.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovnl2gw.testbed.BoundedCommand;
import org.ovnl2gw.testbed.ExitedProcess;
import org.ovnl2gw.testbed.HostEnv;
import org.ovnl2gw.testbed.OutputLines;
import org.ovnl2gw.testbed.OvsdbServer;

/**
 * Each TLS misconfiguration, through the agent's real main path ({@code java -jar node-agent.jar}): a clear
 * line on stderr and exit code 2 before anything starts; a key readable by others is used with a warning.
 */
class TlsStartupIT {
    private static final Path JAR = Path.of("target", "node-agent.jar");

    @TempDir
    Path dir;
    private Path key;
    private Path cert;

    @BeforeEach
    void certificate() throws Exception {
        key = dir.resolve("gw1-privkey.pem");
        cert = dir.resolve("gw1-cert.pem");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-subj", "/CN=gw1", "-days", "1");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    private List<String> ssl(Path privateKey) {
        return List.of("--ssl-key", privateKey.toString(), "--ssl-cert", cert.toString(), "--ssl-ca", cert.toString());
    }

    @Test
    void sslFilesWithAPlainTcpRemoteAreRefused() throws Exception {
        List<String> args = new ArrayList<>(List.of("--ovn-sb-db", "tcp:127.0.0.1:6642"));
        args.addAll(ssl(key));
        ExitedProcess r = agent(args);
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("node-agent: --ssl-key/--ssl-cert/--ssl-ca are given but --ovn-sb-db tcp:127.0.0.1:6642 is not an "
                + "ssl: remote; the connection would not be encrypted. Use ssl:HOST:PORT, or drop the --ssl-* options\n",
                r.stderr());
    }

    @Test
    void sslFilesWithAClusterHalfPlainAreRefused() throws Exception {
        List<String> args = new ArrayList<>(List.of("--ovn-sb-db", "ssl:127.0.0.1:6642,tcp:127.0.0.2:6642"));
        args.addAll(ssl(key));
        ExitedProcess r = agent(args);
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("is not ssl: in every member"), r.stderr());
    }

    @Test
    void anSslRemoteWithoutFilesIsRefused() throws Exception {
        ExitedProcess r = agent(List.of("--ovn-sb-db", "ssl:127.0.0.1:6642"));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("node-agent: --ovn-sb-db ssl:127.0.0.1:6642 is an ssl: remote: give --ssl-key, --ssl-cert and --ssl-ca\n",
                r.stderr());
    }

    @Test
    void aMissingKeyIsRefused() throws Exception {
        Path missing = dir.resolve("missing.pem");
        ExitedProcess r = agent(sbSsl(missing));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("node-agent: private key " + missing + " does not exist\n", r.stderr());
    }

    @Test
    void anEncryptedKeyIsRefused() throws Exception {
        Path encrypted = dir.resolve("encrypted.pem");
        run(dir, "openssl", "pkcs8", "-topk8", "-in", key.toString(), "-out", encrypted.toString(), "-passout", "pass:x");
        ExitedProcess r = agent(sbSsl(encrypted));
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("node-agent: private key " + encrypted + " is encrypted"), r.stderr());
    }

    @Test
    void aFileThatIsNoKeyIsRefused() throws Exception {
        ExitedProcess r = agent(sbSsl(cert));
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("node-agent: private key " + cert + " holds no PEM private key"), r.stderr());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        Path ec = dir.resolve("ec.pem");
        run(dir, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ec.toString());
        ExitedProcess r = agent(sbSsl(ec));
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("carries a RSA key but private key " + ec + " is EC"), r.stderr());
    }

    @Test
    void aKeyReadableByOthersIsUsedWithAWarning() throws Exception {
        Path pkcs1 = dir.resolve("gw1-privkey-pkcs1.pem");
        run(dir, "openssl", "rsa", "-in", key.toString(), "-traditional", "-out", pkcs1.toString());
        Files.setPosixFilePermissions(pkcs1, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> args = new ArrayList<>(sbSsl(pkcs1));
        args.addAll(List.of("--ovs-db", "unix:" + dir.resolve("no-such-db.sock"), "--chassis-name", "gw1"));
        Process p = start(args);
        try {
            String warning = "private key " + pkcs1 + " is readable by group and others; make it private with 'chmod 600 "
                    + pkcs1 + "'";
            OutputLines err = OutputLines.follow(p.getErrorStream(), "the agent", line -> { });
            err.awaitLine(0, line -> line.contains("node-agent started"), Duration.ofSeconds(60), "start line");
            List<String> lines = err.lines();
            assertTrue(lines.stream().anyMatch(l -> l.contains("WARN") && l.endsWith(warning)), String.join("\n", lines));
            assertTrue(p.isAlive(), "a readable key is a warning, not a refusal");
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertFalse(p.isAlive());
    }

    @Test
    void sslFilesWithAPlainOvnRemoteFromTheLocalDatabaseAreReported() throws Exception {
        // the Southbound remote comes from external_ids:ovn-remote, known only once the local database is read:
        // the agent cannot refuse to start, so it says why and connects nowhere
        HostEnv env = new HostEnv(dir.resolve("ovs"));
        OvsdbServer ovs = OvsdbServer.start(env, "conf", OvsdbServer.VSWITCH_SCHEMA);
        try {
            env.run("ovs-vsctl", "--db=" + ovs.remote(), "--no-wait", "init", "--", "set", "Open_vSwitch", ".",
                    "external_ids:system-id=gw1", "external_ids:ovn-remote=tcp:127.0.0.1:6642",
                    "external_ids:ovn-encap-ip=192.168.0.3");
            List<String> args = new ArrayList<>(ssl(key));
            args.addAll(List.of("--ovs-db", ovs.remote(), "--ovs-rundir", env.dir().toString()));
            Process p = start(args);
            try {
                String expected = "chassis not configured: --ssl-key/--ssl-cert/--ssl-ca are given but "
                        + "external_ids:ovn-remote tcp:127.0.0.1:6642 is not an ssl: remote";
                OutputLines err = OutputLines.follow(p.getErrorStream(), "the agent", line -> { });
                String line = err.awaitLine(0, l -> l.contains(expected), Duration.ofSeconds(60), "line saying why")
                        .orElseThrow(() -> new AssertionError("the agent said why it does not connect:\n"
                                + String.join("\n", err.lines())));
                assertTrue(line.contains("WARNING"), line);
            } finally {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        } finally {
            ovs.stop();
        }
    }

    private List<String> sbSsl(Path privateKey) {
        List<String> args = new ArrayList<>(List.of("--ovn-sb-db", "ssl:127.0.0.1:6642"));
        args.addAll(ssl(privateKey));
        return args;
    }


    private static Process start(List<String> args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static ExitedProcess agent(List<String> args) throws IOException, InterruptedException {
        return ExitedProcess.await(start(args), "the agent", Duration.ofSeconds(60));
    }

    private static void run(Path dir, String... command) {
        BoundedCommand.Result r = BoundedCommand.run(new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true), Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + r.stdout());
        }
    }
}
