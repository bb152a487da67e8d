package org.ovnl2gw.ovsdb;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files an {@code ssl:} remote needs, as ovn-controller's --private-key/--certificate/--ca-cert.
 * The private key must be PKCS#8 ("BEGIN PRIVATE KEY"); convert an ovs-pki PKCS#1 key with
 * {@code openssl pkcs8 -topk8 -nocrypt}.
 */
public record SslFiles(Path privateKey, Path certificate, Path caCertificate) {
    public SslFiles {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(caCertificate, "caCertificate");
    }
}
