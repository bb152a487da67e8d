package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssl: remotes against a real ovsdb-server with certificates made by ovs-pki. */
class SslRemoteIT {
    @TempDir
    Path dir;
    private OvsdbServerProcess server;
    private OvsdbSession session;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private void pki(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ovs-pki", "--dir=" + dir.resolve("pki"), "--log=" + dir.resolve("pki.log")));
        cmd.addAll(List.of(args));
        OvsdbServerProcess.run(dir, cmd.toArray(String[]::new));
    }

    @Test
    void sessionOverSslWithClientCertificate() throws Exception {
        pki("init");
        pki("req+sign", "server", "switch");
        pki("req+sign", "client", "switch");
        Path ca = dir.resolve("pki/switchca/cacert.pem");
        int port = OvsdbServerProcess.freePort();
        Path db = dir.resolve("nb.db");
        OvsdbServerProcess.run(dir, "ovsdb-tool", "create", db.toString(), TestSchemas.NB_FILE.toString());
        server = OvsdbServerProcess.start(dir, "nb", db, List.of("--remote=pssl:" + port + ":127.0.0.1",
                "--private-key=" + dir.resolve("server-privkey.pem"), "--certificate=" + dir.resolve("server-cert.pem"),
                "--ca-cert=" + ca));

        OvsdbRemote remote = OvsdbRemote.parse("ssl:127.0.0.1:" + port);
        SslFiles files = new SslFiles(dir.resolve("client-privkey.pem"), dir.resolve("client-cert.pem"), ca);
        session = OvsdbSession.builder(remote, "OVN_Northbound")
                .monitor(MonitorSpec.builder().table("Logical_Switch", "name").build())
                .clientOptions(ClientOptions.defaults().withSsl(files)).start();
        assertTrue(session.awaitConnected(Eventually.DEADLINE));
        session.transact("ssl IT", List.of(Operations.insert("Logical_Switch").set("name", "over-ssl")))
                .get(30, TimeUnit.SECONDS);
        Eventually.await("cached", () -> session.cache().table("Logical_Switch").findOne("name", "over-ssl").isPresent());

        // the same key in PKCS#1 (what ovs-pki writes with older OpenSSL) connects too
        Path pkcs1 = dir.resolve("client-privkey-pkcs1.pem");
        OvsdbServerProcess.run(dir, "openssl", "rsa", "-in", dir.resolve("client-privkey.pem").toString(),
                "-traditional", "-out", pkcs1.toString());
        assertTrue(java.nio.file.Files.readString(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        OvsdbClient.connect(remote.endpoints().get(0), ClientOptions.defaults().withSsl(
                        new SslFiles(pkcs1, dir.resolve("client-cert.pem"), ca)))
                .thenCompose(c -> c.listDbs().whenComplete((dbs, e) -> c.close())).get(30, TimeUnit.SECONDS);

        // a server certificate from a CA we do not trust is refused
        ExecutionException untrusted = assertThrows(ExecutionException.class, () -> OvsdbClient.connect(remote.endpoints().get(0),
                new ClientOptions(Duration.ZERO, Duration.ofSeconds(5), java.util.Optional.of(new SslFiles(
                        dir.resolve("client-privkey.pem"), dir.resolve("client-cert.pem"), dir.resolve("pki/controllerca/cacert.pem")))))
                .thenCompose(OvsdbClient::listDbs).get(30, TimeUnit.SECONDS));
        assertInstanceOf(OvsdbNotConnectedException.class, untrusted.getCause());
        assertTrue(untrusted.getCause().getMessage().contains("TLS handshake"), untrusted.getCause().getMessage());
    }
}
