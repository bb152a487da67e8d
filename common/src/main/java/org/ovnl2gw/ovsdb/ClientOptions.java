package org.ovnl2gw.ovsdb;

import java.time.Duration;
import java.util.Optional;

/**
 * Connection settings of one {@link OvsdbClient}.
 *
 * @param inactivityProbe after this long without hearing from the server send an echo, and close the
 *     connection when a second period passes still without an answer; zero disables the probe
 * @param connectTimeout how long a TCP/unix connect may take
 * @param ssl key, certificate and CA for ssl: endpoints
 */
public record ClientOptions(Duration inactivityProbe, Duration connectTimeout, Optional<SslFiles> ssl) {
    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), Optional.empty());
    }

    public ClientOptions withInactivityProbe(Duration probe) {
        return new ClientOptions(probe, connectTimeout, ssl);
    }

    public ClientOptions withSsl(SslFiles files) {
        return new ClientOptions(inactivityProbe, connectTimeout, Optional.of(files));
    }
}
