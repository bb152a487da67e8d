package org.ovnl2gw.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.ovnl2gw.ovsdb.ClientOptions;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.SslFiles;

/**
 * The agent's command line. Names match ovn-controller's settings so scripts and manifests read the same:
 * everything not given is taken, as ovn-controller takes it, from the local {@code Open_vSwitch} table.
 */
public record AgentOptions(String ovsDb, Path ovsRundir, String integrationBridge, Optional<String> chassisName,
                           Optional<String> ovnSbDb, Optional<String> encapIp, Optional<String> bridgeMappings,
                           Optional<String> kubeconfig, Optional<String> nodeName, boolean withdrawOnExit,
                           Duration heartbeatInterval, int bfdIntervalMillis, Optional<SslFiles> ssl,
                           boolean help, int fenceLeaseSeconds) {

    public static final String USAGE = """
            usage: node-agent [options]
              The OVN l2gateway chassis and BridgeMapping agent for one node.

              --ovs-db REMOTE             local Open_vSwitch database (default unix:/var/run/openvswitch/db.sock)
              --ovs-rundir DIR            where the <bridge>.mgmt OpenFlow sockets live (default /var/run/openvswitch)
              --integration-bridge NAME   the integration bridge (default br-int)
              --chassis-name NAME         chassis name (default: external_ids:system-id)
              --ovn-sb-db REMOTE          Southbound database, unix:/tcp:/ssl:, comma-separated for a cluster
                                          (default: external_ids:ovn-remote)
              --encap-ip IP               Geneve tunnel endpoint (default: external_ids:ovn-encap-ip)
              --bridge-mappings MAPPINGS  physnet:bridge,... (default: external_ids:ovn-bridge-mappings)
              --kubeconfig FILE           run the BridgeMapping controller against this Kubernetes API
                                          (also KUBECONFIG, or in-cluster when KUBERNETES_SERVICE_HOST is set);
                                          without any, the agent runs standalone
              --node-name NAME            this node's Kubernetes name (default: NODE_NAME, else the chassis name)
              --heartbeat-interval SECS   how often the chassis heartbeat advances (default 2)
              --ssl-key FILE              private key (PEM, PKCS#8 or PKCS#1) for an ssl:
                                          Southbound remote; keep it private (chmod 600)
              --ssl-cert FILE             certificate (PEM) for ssl: remotes
              --ssl-ca FILE               CA certificate (PEM) the database's certificate must chain to
              --bfd-interval MS           BFD transmit and receive interval on the tunnels to the other
                                          gateway candidates (default 200: a dead gateway is detected, and
                                          its port taken over, within 3 intervals); all gateways must agree
              --fence-lease SECS          on a gateway whose standbys include a node where ovn-controller
                                          serves the port (companion mode), the flows letting the physical
                                          network in end by themselves this long after the agent last renewed
                                          them (default 3), so the operator's move there after a missed
                                          heartbeat never leaves two gateways bridging; the operator's
                                          --failover-timeout must exceed it by a second and a heartbeat
              --withdraw-on-exit          on exit, release ports and remove our chassis, ports and flows
                                          (decommissioning a node); by default everything stays so a
                                          restart does not disturb traffic
              --help                      this text
            """;

    public static AgentOptions parse(String... args) {
        String ovsDb = "unix:/var/run/openvswitch/db.sock";
        Path rundir = Path.of("/var/run/openvswitch");
        String bridge = "br-int";
        String chassis = null;
        String sb = null;
        String encap = null;
        String mappings = null;
        String kubeconfig = null;
        String nodeName = null;
        boolean withdraw = false;
        boolean help = false;
        Duration heartbeat = Duration.ofSeconds(2);
        int bfdInterval = 200;
        int fenceLease = 3;
        String sslKey = null;
        String sslCert = null;
        String sslCa = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--ovs-db" -> ovsDb = value(args, ++i, arg);
                case "--ovs-rundir" -> rundir = Path.of(value(args, ++i, arg));
                case "--integration-bridge" -> bridge = value(args, ++i, arg);
                case "--chassis-name" -> chassis = value(args, ++i, arg);
                case "--ovn-sb-db" -> sb = value(args, ++i, arg);
                case "--encap-ip" -> encap = value(args, ++i, arg);
                case "--bridge-mappings" -> mappings = value(args, ++i, arg);
                case "--kubeconfig" -> kubeconfig = value(args, ++i, arg);
                case "--node-name" -> nodeName = value(args, ++i, arg);
                case "--heartbeat-interval" -> heartbeat = Duration.ofMillis(
                        (long) (1000 * parsePositive(value(args, ++i, arg), arg)));
                case "--bfd-interval" -> bfdInterval = parseInterval(value(args, ++i, arg), arg);
                case "--ssl-key" -> sslKey = value(args, ++i, arg);
                case "--ssl-cert" -> sslCert = value(args, ++i, arg);
                case "--ssl-ca" -> sslCa = value(args, ++i, arg);
                case "--withdraw-on-exit" -> withdraw = true;
                case "--fence-lease" -> fenceLease = (int) Math.ceil(parsePositive(value(args, ++i, arg), arg));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
            }
        }
        Optional<SslFiles> ssl = Optional.empty();
        if (sslKey != null || sslCert != null || sslCa != null) {
            if (sslKey == null || sslCert == null || sslCa == null) {
                throw new IllegalArgumentException("--ssl-key, --ssl-cert and --ssl-ca go together");
            }
            ssl = Optional.of(new SslFiles(Path.of(sslKey), Path.of(sslCert), Path.of(sslCa)));
        }
        // the key files are for the Southbound remote; when it comes from external_ids:ovn-remote instead,
        // ChassisConfig makes the same check once the local database has been read
        if (sb != null) {
            SslFiles.checkRemote(ssl, "--ovn-sb-db", remote(sb, "--ovn-sb-db"));
        }
        if (remote(ovsDb, "--ovs-db").usesSsl()) {
            SslFiles.checkRemote(ssl, "--ovs-db", remote(ovsDb, "--ovs-db"));
        }
        return new AgentOptions(ovsDb, rundir, bridge, Optional.ofNullable(chassis), Optional.ofNullable(sb),
                Optional.ofNullable(encap), Optional.ofNullable(mappings), Optional.ofNullable(kubeconfig),
                Optional.ofNullable(nodeName), withdraw, heartbeat, bfdInterval, ssl, help, fenceLease);
    }

    /** Connection settings for the OVSDB sessions: the key files of ssl: remotes, when given. */
    public ClientOptions ovsdbClientOptions() {
        return ssl.map(ClientOptions.defaults()::withSsl).orElse(ClientOptions.defaults());
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

    private static int parseInterval(String text, String option) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 10 && v <= 10_000) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(option + " needs a number of milliseconds from 10 to 10000, got " + text);
    }

    private static double parsePositive(String text, String option) {
        try {
            double v = Double.parseDouble(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(option + " needs a positive number of seconds, got " + text);
    }
}
