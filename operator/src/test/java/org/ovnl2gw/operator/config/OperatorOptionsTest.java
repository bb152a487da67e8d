package org.ovnl2gw.operator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.ovsdb.OvsdbRemote;

class OperatorOptionsTest {

    @Test
    void defaultsPointAtTheLocalOvnSocketsAndHoldALease() {
        OperatorOptions options = OperatorOptions.parse();
        assertEquals("unix:/var/run/ovn/ovnnb_db.sock", options.ovnNbDb().toString());
        assertEquals("unix:/var/run/ovn/ovnsb_db.sock", options.ovnSbDb().toString());
        assertEquals(9090, options.metricsPort());
        assertEquals(8081, options.healthPort());
        assertEquals(Duration.ofSeconds(6), options.failoverTimeout());
        assertTrue(options.leaderElection());
        assertEquals("ovn-l2gw-operator", options.leaseName());
        assertFalse(options.help());
    }

    @Test
    void clusterRemotesKeepEveryMember() {
        OperatorOptions options = OperatorOptions.parse("--ovn-nb-db", "tcp:10.0.0.1:6641,tcp:10.0.0.2:6641",
                "--ovn-sb-db", "tcp:[fd00::1]:6642");
        assertEquals(2, options.ovnNbDb().endpoints().size());
        assertEquals(OvsdbRemote.Transport.TCP, options.ovnSbDb().endpoints().get(0).transport());
        assertEquals("fd00::1", options.ovnSbDb().endpoints().get(0).host());
    }

    @Test
    void sslRemotesNeedKeyCertificateAndCa() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> OperatorOptions.parse("--ovn-nb-db", "ssl:10.0.0.1:6641"));
        assertTrue(missing.getMessage().contains("--ssl-key"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OperatorOptions.parse("--ssl-key", "k.pem"));
        OperatorOptions ok = OperatorOptions.parse("--ovn-nb-db", "ssl:10.0.0.1:6641", "--ssl-key", "k.pem",
                "--ssl-cert", "c.pem", "--ssl-ca", "ca.pem");
        assertEquals(Path.of("ca.pem"), ok.ssl().orElseThrow().caCertificate());
    }

    @Test
    void sslFilesMustServeAnSslRemote() {
        String[] files = {"--ssl-key", "k.pem", "--ssl-cert", "c.pem", "--ssl-ca", "ca.pem"};
        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class, () -> OperatorOptions.parse(
                concat(new String[] {"--ovn-nb-db", "tcp:10.0.0.1:6641", "--ovn-sb-db", "tcp:10.0.0.1:6642"}, files)));
        assertTrue(unused.getMessage().startsWith("--ssl-key/--ssl-cert/--ssl-ca are given but neither --ovn-nb-db "
                + "tcp:10.0.0.1:6641 nor --ovn-sb-db tcp:10.0.0.1:6642 is an ssl: remote"), unused.getMessage());
        // NB over TLS from afar, SB on the central node's socket: the files serve one of them, which is fine
        OperatorOptions.parse(concat(new String[] {"--ovn-nb-db", "ssl:10.0.0.1:6641"}, files));
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> OperatorOptions.parse(
                concat(new String[] {"--ovn-sb-db", "ssl:10.0.0.1:6642,tcp:10.0.0.2:6642"}, files)));
        assertTrue(mixed.getMessage().contains("--ovn-sb-db ssl:10.0.0.1:6642,tcp:10.0.0.2:6642 is not ssl: in every member"),
                mixed.getMessage());
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    @Test
    void everyOptionIsRead() {
        OperatorOptions options = OperatorOptions.parse("--kubeconfig", "/tmp/kc", "--metrics-port", "0",
                "--health-port", "0", "--bind-address", "127.0.0.1", "--failover-timeout", "1.5",
                "--orphan-grace", "10", "--bridge-mapping-resync", "2", "--leader-election-namespace", "ovn",
                "--leader-election-lease", "l", "--leader-election-identity", "me", "--no-leader-election",
                "--help");
        assertEquals(Optional.of(Path.of("/tmp/kc")), options.kubeconfig());
        assertEquals(0, options.metricsPort());
        assertEquals("127.0.0.1", options.bindAddress());
        assertEquals(Duration.ofMillis(1500), options.failoverTimeout());
        assertEquals(Duration.ofSeconds(10), options.orphanGrace());
        assertEquals(Duration.ofSeconds(2), options.bridgeMappingResync());
        assertEquals(Optional.of("ovn"), options.leaseNamespace());
        assertEquals("l", options.leaseName());
        assertEquals(Optional.of("me"), options.identity());
        assertFalse(options.leaderElection());
        assertTrue(options.help());
    }

    @Test
    void mistakesNameTheOption() {
        assertMessage("unknown option --nb", "--nb", "x");
        assertMessage("--metrics-port needs a port", "--metrics-port", "70000");
        assertMessage("--failover-timeout needs a positive number", "--failover-timeout", "-1");
        assertMessage("--ovn-sb-db needs a value", "--ovn-sb-db");
        assertMessage("--ovn-nb-db: ", "--ovn-nb-db", "http://x");
    }

    @Test
    void usageListsTheOptionNamesScriptsRelyOn() {
        for (String option : new String[] {"--ovn-nb-db", "--ovn-sb-db", "--kubeconfig", "--metrics-port",
                "--health-port", "--ssl-key", "--ssl-cert", "--ssl-ca", "--failover-timeout", "--orphan-grace",
                "--leader-election-namespace", "--leader-election-lease", "--leader-election-identity"}) {
            assertTrue(OperatorOptions.USAGE.contains(option + " "), option);
        }
    }

    @Test
    void kubeconfigOptionWinsOverTheEnvironment() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KubernetesConfigResolver
                .resolve(Optional.of(Path.of("/nonexistent/kc")), Map.of("KUBECONFIG", "/also/missing")));
        assertTrue(e.getMessage().startsWith("--kubeconfig"), e.getMessage());
        IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
                () -> KubernetesConfigResolver.resolve(Optional.empty(), Map.of("KUBECONFIG", "/also/missing")));
        assertTrue(env.getMessage().startsWith("KUBECONFIG"), env.getMessage());
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OperatorOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
