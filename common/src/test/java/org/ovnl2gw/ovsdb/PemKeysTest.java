package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
    private static PrivateKey rsa;
    private static PrivateKey ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        rsa = rsaGen.generateKeyPair().getPrivate();
        ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The PKCS#1 RSAPrivateKey is the OCTET STRING inside an RSA PrivateKeyInfo. */
    private static byte[] pkcs1(PrivateKey key) {
        DerReader info = new DerReader(key.getEncoded()).read(DerReader.SEQUENCE);
        info.readInteger();
        info.read(DerReader.SEQUENCE);
        return info.readOctetString();
    }

    @Test
    void readsPkcs8RsaAndEc() {
        PrivateKey parsed = PemKeys.parsePrivateKey(pem("PRIVATE KEY", rsa.getEncoded()), "k");
        assertEquals("RSA", parsed.getAlgorithm());
        assertArrayEquals(rsa.getEncoded(), parsed.getEncoded());
        assertEquals("EC", PemKeys.parsePrivateKey(pem("PRIVATE KEY", ec.getEncoded()), "k").getAlgorithm());
    }

    @Test
    void readsPkcs1RsaAsOvsPkiWritesIt() {
        PrivateKey parsed = PemKeys.parsePrivateKey(pem("RSA PRIVATE KEY", pkcs1(rsa)), "k");
        assertEquals(((RSAPrivateCrtKey) rsa).getModulus(), ((RSAPrivateCrtKey) parsed).getModulus());
        assertEquals(((RSAPrivateCrtKey) rsa).getPrivateExponent(), ((RSAPrivateCrtKey) parsed).getPrivateExponent());
        assertArrayEquals(rsa.getEncoded(), parsed.getEncoded());
    }

    @Test
    void skipsBlocksBeforeTheKey() {
        String text = "some comment\n" + pem("EC PARAMETERS", new byte[] {6, 1, 0}) + pem("PRIVATE KEY", rsa.getEncoded());
        assertEquals("RSA", PemKeys.parsePrivateKey(text, "k").getAlgorithm());
    }

    @Test
    void unsupportedAndBrokenKeysSayWhat() {
        assertMessage("is encrypted", pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0}));
        assertMessage("is encrypted", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,0011\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertMessage("'EC PRIVATE KEY' PEM block, which is not supported", pem("EC PRIVATE KEY", new byte[] {0x30, 0}));
        assertMessage("holds no PEM private key", pem("CERTIFICATE", new byte[] {0x30, 0}));
        assertMessage("holds no PEM private key", "not a key at all");
        assertMessage("is not valid PKCS#8: truncated DER", pem("PRIVATE KEY", new byte[] {0x30, 0x10, 2, 1, 0}));
        assertMessage("is not a valid PKCS#1 RSA key", pem("RSA PRIVATE KEY", new byte[] {0x30, 3, 2, 1, 0}));
        byte[] dsaOid = {0x30, 0x10, 2, 1, 0, 0x30, 0x0b, 6, 7, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x38, 4, 1, 5, 0};
        assertMessage("uses algorithm 1.2.840.10040.4.1, which is not supported", pem("PRIVATE KEY", dsaOid));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.pem");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.readPrivateKey(missing));
        assertEquals("private key " + missing + " does not exist", e.getMessage());
    }

    @Test
    void warnsWhenTheKeyIsReadableByOthers() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", rsa.getEncoded()));
        SslFiles files = new SslFiles(key, dir.resolve("cert.pem"), dir.resolve("ca.pem"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertEquals(Optional.empty(), files.keyPermissionWarning());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
        assertTrue(files.keyPermissionWarning().orElseThrow().contains("readable by its group"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(files.keyPermissionWarning().orElseThrow().contains("readable by group and others; make it private with 'chmod 600"));
    }

    @Test
    void filesAndRemotesMustAgree() {
        Optional<SslFiles> files = Optional.of(new SslFiles(Path.of("k"), Path.of("c"), Path.of("a")));
        SslFiles.checkRemote(files, "--ovn-sb-db", OvsdbRemote.parse("ssl:1.2.3.4:6642,ssl:1.2.3.5:6642"));
        SslFiles.checkRemote(Optional.empty(), "--ovn-sb-db", OvsdbRemote.parse("tcp:1.2.3.4:6642"));
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> SslFiles.checkRemote(files, "--ovn-sb-db", OvsdbRemote.parse("tcp:1.2.3.4:6642")));
        assertTrue(plain.getMessage().startsWith("--ssl-key/--ssl-cert/--ssl-ca are given but --ovn-sb-db tcp:1.2.3.4:6642 "
                + "is not an ssl: remote"), plain.getMessage());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> SslFiles.checkRemote(files, "--ovn-sb-db", OvsdbRemote.parse("ssl:1.2.3.4:6642,tcp:1.2.3.5:6642")));
        assertTrue(mixed.getMessage().contains("is not ssl: in every member"), mixed.getMessage());
        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class,
                () -> SslFiles.checkRemote(Optional.empty(), "--ovn-sb-db", OvsdbRemote.parse("ssl:1.2.3.4:6642")));
        assertEquals("--ovn-sb-db ssl:1.2.3.4:6642 is an ssl: remote: give --ssl-key, --ssl-cert and --ssl-ca",
                bare.getMessage());
    }

    private static void assertMessage(String part, String pem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.parsePrivateKey(pem, "key.pem"));
        assertTrue(e.getMessage().startsWith("private key key.pem "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
