package org.ovnl2gw.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.ovnl2gw.agent.mappings.BridgeMappingController;
import org.ovnl2gw.logging.OneLineLogFormat;
import org.ovnl2gw.agent.bridge.LocalSwitch;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.SslFiles;

/** Wiring only: options, the local OVS session, the gateway agent, and the optional BridgeMapping controller. */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
            // a key or certificate that cannot be used stops the agent here, not every connection later
            options.ssl().ifPresent(SslFiles::load);
        } catch (IllegalArgumentException e) {
            System.err.println("node-agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(AgentOptions.USAGE);
            return;
        }
        OneLineLogFormat.install();
        options.ssl().flatMap(SslFiles::keyPermissionWarning).ifPresent(LOG::warning);
        NodeAgent agent = NodeAgent.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "node-agent-shutdown"));
        stopped.await();
    }

    /** The running agent: what {@link #main} starts, and what tests and the sandbox start in-process. */
    public static final class NodeAgent implements AutoCloseable {
        private final OvsdbSession ovs;
        private final GatewayAgent gateway;
        private final AutoCloseable bridgeMappings;

        private NodeAgent(OvsdbSession ovs, GatewayAgent gateway, AutoCloseable bridgeMappings) {
            this.ovs = ovs;
            this.gateway = gateway;
            this.bridgeMappings = bridgeMappings;
        }

        public static NodeAgent start(AgentOptions options) {
            OvsdbSession ovs = OvsdbSession.builder(OvsdbRemote.parse(options.ovsDb()), "Open_vSwitch")
                    .clientOptions(options.ovsdbClientOptions())
                    .monitor(LocalOvsMonitor.spec())
                    .start();
            GatewayAgent gateway = new GatewayAgent(options, ovs).start();
            AutoCloseable bridgeMappings = KubernetesAccess.client(options)
                    .<AutoCloseable>map(client -> startBridgeMappings(options, client, ovs, gateway))
                    .orElseGet(() -> {
                        LOG.info("no Kubernetes configuration: standalone, bridge mappings from ovn-bridge-mappings");
                        return () -> { };
                    });
            LOG.info(() -> "node-agent started: ovs-db " + options.ovsDb() + ", integration bridge "
                    + options.integrationBridge() + "; agent or companion mode (beside ovn-controller) is logged"
                    + " once the chassis is seen in the Southbound DB");
            return new NodeAgent(ovs, gateway, bridgeMappings);
        }

        private static AutoCloseable startBridgeMappings(AgentOptions options, KubernetesClient client,
                                                         OvsdbSession ovs, GatewayAgent gateway) {
            String nodeName = options.nodeName().or(() -> Optional.ofNullable(System.getenv("NODE_NAME")))
                    .orElseGet(() -> systemId(ovs, options));
            BridgeMappingController controller = new BridgeMappingController(client, nodeName, ovs,
                    published -> gateway.publish(() -> published)).start();
            return () -> {
                controller.close();
                client.close();
            };
        }

        /** The chassis name stands in for the node name when neither --node-name nor NODE_NAME is given. */
        private static String systemId(OvsdbSession ovs, AgentOptions options) {
            try {
                if (options.chassisName().isPresent() || !ovs.awaitConnected(Duration.ofSeconds(30))) {
                    return options.chassisName().orElseThrow(() ->
                            new IllegalStateException("no node name: give --node-name or NODE_NAME"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new LocalSwitch(ovs).externalId("system-id").orElseThrow(() ->
                    new IllegalStateException("no node name: give --node-name, NODE_NAME or external_ids:system-id"));
        }

        public GatewayAgent gateway() {
            return gateway;
        }

        public boolean awaitLocalDatabase(Duration timeout) throws InterruptedException {
            return ovs.awaitConnected(timeout);
        }

        @Override
        public void close() {
            try {
                bridgeMappings.close();
            } catch (Exception e) {
                LOG.warning("stopping the BridgeMapping controller failed: " + e.getMessage());
            }
            gateway.close();
            ovs.close();
        }
    }
}
