package org.ovnl2gw.ovsdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the database lives, in ovsdb-server's own notation: {@code unix:/path}, {@code tcp:host:port},
 * {@code ssl:host:port}, or a comma-separated list of them for the members of a clustered database.
 */
public record OvsdbRemote(List<Endpoint> endpoints) {
    /** The transport of one endpoint. */
    public enum Transport { UNIX, TCP, SSL }

    /** One server address; for UNIX only path is meaningful, for TCP/SSL host and port. */
    public record Endpoint(Transport transport, Path path, String host, int port) {
        public static Endpoint unix(Path path) {
            return new Endpoint(Transport.UNIX, path, null, 0);
        }

        public static Endpoint tcp(String host, int port) {
            return new Endpoint(Transport.TCP, null, host, port);
        }

        @Override
        public String toString() {
            return transport == Transport.UNIX ? "unix:" + path
                    : transport.name().toLowerCase() + ":" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public OvsdbRemote {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("an OVSDB remote needs at least one endpoint");
        }
        endpoints = List.copyOf(endpoints);
    }

    public static OvsdbRemote of(Endpoint... endpoints) {
        return new OvsdbRemote(List.of(endpoints));
    }

    public static OvsdbRemote parse(String text) {
        List<Endpoint> list = new ArrayList<>();
        for (String part : text.split(",")) {
            list.add(parseEndpoint(part.trim()));
        }
        return new OvsdbRemote(list);
    }

    public boolean usesSsl() {
        return endpoints.stream().anyMatch(e -> e.transport() == Transport.SSL);
    }

    /** Whether every endpoint is ssl: (a cluster's members must agree, or one of them would go unencrypted). */
    public boolean allSsl() {
        return endpoints.stream().allMatch(e -> e.transport() == Transport.SSL);
    }

    private static Endpoint parseEndpoint(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("OVSDB remote '" + text + "' must start with unix:, tcp: or ssl:");
        }
        String scheme = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        switch (scheme) {
            case "unix":
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("OVSDB remote '" + text + "' has no socket path");
                }
                return Endpoint.unix(Path.of(rest));
            case "tcp":
            case "ssl":
                String host;
                String port;
                if (rest.startsWith("[")) {
                    int close = rest.indexOf(']');
                    if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                        throw new IllegalArgumentException("OVSDB remote '" + text + "' needs [ipv6]:port");
                    }
                    host = rest.substring(1, close);
                    port = rest.substring(close + 2);
                } else {
                    int last = rest.lastIndexOf(':');
                    if (last <= 0) {
                        throw new IllegalArgumentException("OVSDB remote '" + text + "' needs host:port");
                    }
                    host = rest.substring(0, last);
                    port = rest.substring(last + 1);
                }
                int p;
                try {
                    p = Integer.parseInt(port);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("OVSDB remote '" + text + "' has a bad port: " + port, e);
                }
                if (p <= 0 || p > 65535) {
                    throw new IllegalArgumentException("OVSDB remote '" + text + "' has a bad port: " + port);
                }
                return new Endpoint(scheme.equals("tcp") ? Transport.TCP : Transport.SSL, null, host, p);
            default:
                throw new IllegalArgumentException("OVSDB remote '" + text + "' has unknown transport " + scheme
                        + " (expected unix:, tcp: or ssl:)");
        }
    }

    @Override
    public String toString() {
        return String.join(",", endpoints.stream().map(Endpoint::toString).toList());
    }
}
