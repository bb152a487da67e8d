package org.ovnl2gw.ovsdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The PEM files an {@code ssl:} remote needs, as ovn-controller's --private-key/--certificate/--ca-cert.
 * The private key may be PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, as
 * ovs-pki writes it with older OpenSSL); see {@link PemKeys}.
 */
public record SslFiles(Path privateKey, Path certificate, Path caCertificate) {
    public SslFiles {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(caCertificate, "caCertificate");
    }

    /** What the files hold, parsed. */
    public record Loaded(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trusted) {
    }

    /**
     * Reads and parses all three files. Programs call it before starting, so a key they cannot use stops
     * them with the reason instead of failing every connection attempt later.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public Loaded load() {
        PrivateKey key = PemKeys.readPrivateKey(privateKey);
        List<X509Certificate> chain = PemKeys.readCertificates(certificate, "certificate");
        List<X509Certificate> trusted = PemKeys.readCertificates(caCertificate, "CA certificate");
        if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("certificate " + certificate + " carries a "
                    + chain.get(0).getPublicKey().getAlgorithm() + " key but private key " + privateKey + " is "
                    + key.getAlgorithm());
        }
        return new Loaded(key, chain, trusted);
    }

    /** A warning when the private key file may be read by its group or by others; empty when it is private. */
    public Optional<String> keyPermissionWarning() {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(privateKey);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        boolean group = perms.contains(PosixFilePermission.GROUP_READ);
        boolean others = perms.contains(PosixFilePermission.OTHERS_READ);
        if (!group && !others) {
            return Optional.empty();
        }
        return Optional.of("private key " + privateKey + " is readable by " + (group && others ? "group and others"
                : group ? "its group" : "others") + "; make it private with 'chmod 600 " + privateKey + "'");
    }

    /**
     * Checks that key files and remotes agree: files given but a remote they are meant for is not
     * {@code ssl:}, or an {@code ssl:} remote without files, is a mistake that would otherwise go unnoticed
     * (plain TCP without a word) or fail every connection.
     *
     * @param files the key files, if given
     * @param remoteOption the option (or setting) the remote came from, for the message
     * @param remote the remote the files are for
     * @throws IllegalArgumentException saying which
     */
    public static void checkRemote(Optional<SslFiles> files, String remoteOption, OvsdbRemote remote) {
        if (files.isEmpty() && remote.usesSsl()) {
            throw new IllegalArgumentException(remoteOption + " " + remote
                    + " is an ssl: remote: give --ssl-key, --ssl-cert and --ssl-ca");
        }
        if (files.isPresent() && !remote.allSsl()) {
            throw new IllegalArgumentException("--ssl-key/--ssl-cert/--ssl-ca are given but " + remoteOption + " "
                    + remote + " is not " + (remote.usesSsl() ? "ssl: in every member" : "an ssl: remote")
                    + "; the connection would not be encrypted. Use ssl:HOST:PORT, or drop the --ssl-* options");
        }
    }
}
