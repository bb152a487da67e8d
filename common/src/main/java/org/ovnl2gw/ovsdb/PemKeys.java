package org.ovnl2gw.ovsdb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM private keys and certificates, read with the JDK alone. Keys come as PKCS#8
 * ({@code BEGIN PRIVATE KEY}, what OpenSSL 3 writes) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what
 * ovs-pki writes with older OpenSSL, and {@code openssl rsa -traditional}); the JDK's KeyFactory takes
 * only the first, so a PKCS#1 RSAPrivateKey (RFC 8017 A.1.2) is taken apart here. Encrypted keys are
 * refused: ovn-controller cannot use them either.
 */
public final class PemKeys {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s:,-]*?)-----END \\1-----");
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.10045.2.1", "EC",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");

    private PemKeys() {
    }

    /** The private key in this PEM file; the message of the exception names the file and what is wrong. */
    public static PrivateKey readPrivateKey(Path file) {
        return parsePrivateKey(readText(file, "private key"), file.toString());
    }

    /** The first private key block in this PEM text; source names it in errors. */
    public static PrivateKey parsePrivateKey(String pem, String source) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(body(m, source), source);
                case "RSA PRIVATE KEY":
                    if (m.group(2).contains("Proc-Type")) {
                        throw new IllegalArgumentException("private key " + source
                                + " is encrypted (Proc-Type header); give an unencrypted key, as ovn-controller needs");
                    }
                    return pkcs1(body(m, source), source);
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException("private key " + source
                            + " is encrypted (BEGIN ENCRYPTED PRIVATE KEY); give an unencrypted key, as ovn-controller needs");
                case "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY":
                    throw new IllegalArgumentException("private key " + source + " is a '" + type
                            + "' PEM block, which is not supported; convert it to PKCS#8 with "
                            + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8'");
                default:
                    // a certificate or parameters block before the key: look further
            }
        }
        throw new IllegalArgumentException("private key " + source
                + " holds no PEM private key (expected BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
    }

    /** Every certificate in this PEM file, in order; at least one. */
    public static List<X509Certificate> readCertificates(Path file, String what) {
        String pem = readText(file, what);
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Matcher m = BLOCK.matcher(pem);
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(body(m, file.toString()))));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(what + " " + file + " is not a valid X.509 certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(what + " " + file + " holds no PEM certificate (BEGIN CERTIFICATE)");
        }
        return certs;
    }

    private static String readText(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(what + " " + file + " is not readable (permission denied)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e, e);
        }
    }

    private static byte[] body(Matcher m, String source) {
        String text = m.group(2);
        if (text.contains(":")) {
            // RFC 1421 headers end at the first blank line
            int blank = text.indexOf("\n\n");
            text = blank < 0 ? "" : text.substring(blank);
        }
        try {
            return Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": bad base64 in the " + m.group(1) + " block", e);
        }
    }

    /** PrivateKeyInfo (RFC 5208): version, AlgorithmIdentifier, OCTET STRING key. */
    private static PrivateKey pkcs8(byte[] der, String source) {
        String oid;
        try {
            DerReader info = new DerReader(der).read(DerReader.SEQUENCE);
            info.readInteger();
            oid = info.read(DerReader.SEQUENCE).readOid();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("private key " + source + " is not valid PKCS#8: " + e.getMessage(), e);
        }
        String algorithm = KEY_ALGORITHMS.get(oid);
        if (algorithm == null) {
            throw new IllegalArgumentException("private key " + source + " uses algorithm " + oid
                    + ", which is not supported (RSA, EC, Ed25519, Ed448 are)");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("private key " + source + " is not a valid " + algorithm
                    + " PKCS#8 key: " + e.getMessage(), e);
        }
    }

    /** RSAPrivateKey (RFC 8017 A.1.2): version 0, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p. */
    private static PrivateKey pkcs1(byte[] der, String source) {
        BigInteger[] v = new BigInteger[9];
        try {
            DerReader key = new DerReader(der).read(DerReader.SEQUENCE);
            for (int i = 0; i < v.length; i++) {
                v[i] = key.readInteger();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("private key " + source + " is not a valid PKCS#1 RSA key: " + e.getMessage(), e);
        }
        if (v[0].signum() != 0) {
            throw new IllegalArgumentException("private key " + source + " is a multi-prime PKCS#1 RSA key (version "
                    + v[0] + "), which is not supported");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new RSAPrivateCrtKeySpec(v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("private key " + source + " is not a valid PKCS#1 RSA key: " + e.getMessage(), e);
        }
    }
}
