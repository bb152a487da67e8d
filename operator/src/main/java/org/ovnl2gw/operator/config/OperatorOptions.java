package org.ovnl2gw.operator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.SslFiles;

/**
 * The operator's command line. Database options are named as ovn-northd names them, so manifests read the
 * same for both; durations are given in (decimal) seconds like the node agent's.
 *
 * @param ovnNbDb Northbound database: one endpoint or the comma-separated members of a cluster
 * @param ovnSbDb Southbound database, same notation
 * @param ssl key, certificate and CA for {@code ssl:} remotes (required when one is used)
 * @param kubeconfig explicit kubeconfig file; else {@code KUBECONFIG}, else in-cluster
 * @param bindAddress address the metrics and health endpoints listen on
 * @param metricsPort port of {@code /metrics}; 0 picks a free one
 * @param healthPort port of {@code /healthz} and {@code /readyz}; 0 picks a free one; may equal metricsPort
 * @param failoverTimeout how long a gateway chassis may go without a heartbeat change before it counts as failed
 * @param orphanGrace how long after start-up ports marked ours without a resource are left alone
 * @param bridgeMappingResync how often every BridgeMapping is recomputed even without a change event
 * @param leaderElection whether to hold a Lease before reconciling (off only for local development)
 * @param leaseNamespace namespace of the Lease; else POD_NAMESPACE, else the kubeconfig's namespace
 * @param leaseName name of the Lease
 * @param identity this replica's name in the Lease; else POD_NAME, else the host name
 */
public record OperatorOptions(OvsdbRemote ovnNbDb, OvsdbRemote ovnSbDb, Optional<SslFiles> ssl,
                              Optional<Path> kubeconfig, String bindAddress, int metricsPort, int healthPort,
                              Duration failoverTimeout, Duration orphanGrace, Duration bridgeMappingResync,
                              boolean leaderElection, Optional<String> leaseNamespace, String leaseName,
                              Optional<String> identity, boolean help) {

    public static final String DEFAULT_NB_DB = "unix:/var/run/ovn/ovnnb_db.sock";
    public static final String DEFAULT_SB_DB = "unix:/var/run/ovn/ovnsb_db.sock";
    public static final String DEFAULT_LEASE_NAME = "ovn-l2gw-operator";

    public static final String USAGE = """
            usage: operator [options]
              Reconciles L2Gateway and BridgeMapping resources into OVN (Northbound writes, Southbound binding)
              and reports their status.

              --ovn-nb-db REMOTE               Northbound database: unix:PATH, tcp:HOST:PORT or ssl:HOST:PORT,
                                               comma-separated for the members of a cluster
                                               (default unix:/var/run/ovn/ovnnb_db.sock)
              --ovn-sb-db REMOTE               Southbound database, same notation
                                               (default unix:/var/run/ovn/ovnsb_db.sock)
              --ssl-key FILE                   private key (PEM, PKCS#8 or PKCS#1) for ssl: remotes;
                                               keep it private (chmod 600)
              --ssl-cert FILE                  certificate (PEM) for ssl: remotes
              --ssl-ca FILE                    CA certificate (PEM) the databases' certificates must chain to
              --kubeconfig FILE                Kubernetes API credentials (default: KUBECONFIG, else in-cluster)
              --bind-address ADDR              address of the metrics and health endpoints (default 0.0.0.0)
              --metrics-port PORT              Prometheus text metrics at /metrics (default 9090; 0 = any free)
              --health-port PORT               /healthz (liveness) and /readyz (readiness) (default 8081)
              --failover-timeout SECS          a gateway chassis whose heartbeat has not changed for this long
                                               is failed and its ports move (default 6)
              --orphan-grace SECS              after start-up, wait this long before removing ports marked ours
                                               whose L2Gateway is gone (default 60)
              --bridge-mapping-resync SECS     recompute every BridgeMapping status at least this often (default 30)
              --leader-election-namespace NS   namespace of the leader election Lease
                                               (default: POD_NAMESPACE, else the kubeconfig's namespace)
              --leader-election-lease NAME     name of the Lease (default ovn-l2gw-operator)
              --leader-election-identity ID    this replica's identity (default: POD_NAME, else the host name)
              --no-leader-election             reconcile without holding the Lease (development only: two
                                               replicas would fight over the same ports)
              --help                           this text
            """;

    public OperatorOptions {
        if (metricsPort < 0 || metricsPort > 65535 || healthPort < 0 || healthPort > 65535) {
            throw new IllegalArgumentException("ports must be between 0 and 65535");
        }
        // the operator may reach one database over ssl: and the other over a local socket (on the central
        // node), so the files must serve at least one remote, and a remote that uses them must use them
        // in every member
        if (ssl.isPresent() && !ovnNbDb.usesSsl() && !ovnSbDb.usesSsl()) {
            throw new IllegalArgumentException("--ssl-key/--ssl-cert/--ssl-ca are given but neither --ovn-nb-db "
                    + ovnNbDb + " nor --ovn-sb-db " + ovnSbDb + " is an ssl: remote; the connections would not be "
                    + "encrypted. Use ssl:HOST:PORT, or drop the --ssl-* options");
        }
        for (var remote : java.util.Map.of("--ovn-nb-db", ovnNbDb, "--ovn-sb-db", ovnSbDb).entrySet()) {
            if (remote.getValue().usesSsl()) {
                SslFiles.checkRemote(ssl, remote.getKey(), remote.getValue());
            }
        }
    }

    /** Parses the command line; fails with a message naming the option on any mistake. */
    public static OperatorOptions parse(String... args) {
        String nb = DEFAULT_NB_DB;
        String sb = DEFAULT_SB_DB;
        Path key = null;
        Path cert = null;
        Path ca = null;
        Path kubeconfig = null;
        String bind = "0.0.0.0";
        int metricsPort = 9090;
        int healthPort = 8081;
        Duration failover = Duration.ofSeconds(6);
        Duration orphanGrace = Duration.ofSeconds(60);
        Duration resync = Duration.ofSeconds(30);
        boolean leaderElection = true;
        String leaseNamespace = null;
        String leaseName = DEFAULT_LEASE_NAME;
        String identity = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--ovn-nb-db" -> nb = value(args, ++i, arg);
                case "--ovn-sb-db" -> sb = value(args, ++i, arg);
                case "--ssl-key" -> key = Path.of(value(args, ++i, arg));
                case "--ssl-cert" -> cert = Path.of(value(args, ++i, arg));
                case "--ssl-ca" -> ca = Path.of(value(args, ++i, arg));
                case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i, arg));
                case "--bind-address" -> bind = value(args, ++i, arg);
                case "--metrics-port" -> metricsPort = port(value(args, ++i, arg), arg);
                case "--health-port" -> healthPort = port(value(args, ++i, arg), arg);
                case "--failover-timeout" -> failover = seconds(value(args, ++i, arg), arg);
                case "--orphan-grace" -> orphanGrace = seconds(value(args, ++i, arg), arg);
                case "--bridge-mapping-resync" -> resync = seconds(value(args, ++i, arg), arg);
                case "--leader-election-namespace" -> leaseNamespace = value(args, ++i, arg);
                case "--leader-election-lease" -> leaseName = value(args, ++i, arg);
                case "--leader-election-identity" -> identity = value(args, ++i, arg);
                case "--no-leader-election" -> leaderElection = false;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
            }
        }
        return new OperatorOptions(remote(nb, "--ovn-nb-db"), remote(sb, "--ovn-sb-db"), sslFiles(key, cert, ca),
                Optional.ofNullable(kubeconfig), bind, metricsPort, healthPort, failover, orphanGrace, resync,
                leaderElection, Optional.ofNullable(leaseNamespace), leaseName, Optional.ofNullable(identity), help);
    }

    private static Optional<SslFiles> sslFiles(Path key, Path cert, Path ca) {
        if (key == null && cert == null && ca == null) {
            return Optional.empty();
        }
        if (key == null || cert == null || ca == null) {
            throw new IllegalArgumentException("--ssl-key, --ssl-cert and --ssl-ca go together: give all three");
        }
        return Optional.of(new SslFiles(key, cert, ca));
    }

    private static OvsdbRemote remote(String text, String option) {
        try {
            return OvsdbRemote.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value (see --help)");
        }
        return args[i];
    }

    private static int port(String text, String option) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a port between 0 and 65535, got " + text);
    }

    private static Duration seconds(String text, String option) {
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && value < 1e9) {
                return Duration.ofMillis(Math.round(value * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number of seconds, got " + text);
    }
}
