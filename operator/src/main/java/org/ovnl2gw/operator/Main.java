package org.ovnl2gw.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.kube.UnreadableResources;
import org.ovnl2gw.operator.bridgemapping.BridgeMappingReconciler;
import org.ovnl2gw.operator.bridgemapping.SouthboundAgentReports;
import org.ovnl2gw.operator.config.KubernetesConfigResolver;
import org.ovnl2gw.operator.config.OperatorOptions;
import org.ovnl2gw.operator.events.EventRecorder;
import org.ovnl2gw.operator.events.KubernetesEventRecorder;
import org.ovnl2gw.operator.l2gateway.ChassisHealth;
import org.ovnl2gw.operator.l2gateway.ChassisHealthMonitor;
import org.ovnl2gw.operator.l2gateway.ChassisIdentityCheck;
import org.ovnl2gw.operator.l2gateway.GatewayAnnouncer;
import org.ovnl2gw.operator.l2gateway.GatewayChooser;
import org.ovnl2gw.operator.l2gateway.GatewayProgrammer;
import org.ovnl2gw.operator.l2gateway.InformedNodeLabels;
import org.ovnl2gw.operator.l2gateway.L2GatewayMetrics;
import org.ovnl2gw.operator.l2gateway.L2GatewayReconciler;
import org.ovnl2gw.operator.l2gateway.L2GatewayTrigger;
import org.ovnl2gw.operator.l2gateway.StatusWriter;
import org.ovnl2gw.operator.l2gateway.L2GatewaySettings;
import org.ovnl2gw.operator.l2gateway.OrphanCollector;
import org.ovnl2gw.operator.ops.HealthCheck;
import org.ovnl2gw.operator.ops.LeaderElectionSettings;
import org.ovnl2gw.operator.ops.LeaderState;
import org.ovnl2gw.operator.ops.LeaseRelease;
import org.ovnl2gw.operator.ops.MetricSample;
import org.ovnl2gw.logging.OneLineLogFormat;
import org.ovnl2gw.operator.ops.OperatorL2GatewayMetrics;
import org.ovnl2gw.operator.ops.OperatorMetrics;
import org.ovnl2gw.operator.ops.OpsHttpServer;
import org.ovnl2gw.operator.ops.Readiness;
import org.ovnl2gw.operator.ops.ReconcileMetrics;
import org.ovnl2gw.operator.ops.ShutdownLogManager;
import org.ovnl2gw.operator.ovn.OvsdbNorthboundClient;
import org.ovnl2gw.operator.ovn.NorthboundClient;
import org.ovnl2gw.operator.ovn.OvsdbSouthboundClient;
import org.ovnl2gw.operator.ovn.SouthboundClient;
import org.ovnl2gw.ovsdb.ClientOptions;
import org.ovnl2gw.ovsdb.SslFiles;

/** The operator process: parses the command line and wires the parts together; no logic of its own. */
public final class Main {
    static {
        // Before the first Logger below fixes the JDK's manager for good. Only the class literal is used:
        // calling into ShutdownLogManager would initialize LogManager before the property is set.
        System.setProperty("java.util.logging.manager", ShutdownLogManager.class.getName());
    }

    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    private static final int RECONCILE_THREADS = 16;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        OperatorOptions options;
        try {
            options = OperatorOptions.parse(args);
            // a key or certificate that cannot be used stops the operator here, not every connection later
            options.ssl().ifPresent(SslFiles::load);
        } catch (IllegalArgumentException e) {
            System.err.println("operator: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(OperatorOptions.USAGE);
            return;
        }
        OneLineLogFormat.install();
        options.ssl().flatMap(SslFiles::keyPermissionWarning).ifPresent(LOG::warning);
        // Exit from a fresh thread: System.exit runs the shutdown hook, which stops the leader elector whose
        // thread is the one telling us we lost the Lease.
        RunningOperator running = RunningOperator.start(options, System.getenv(),
                () -> new Thread(() -> System.exit(1), "lost-lease-exit").start());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            ShutdownLogManager.finish();
        }, "operator-shutdown"));
        running.awaitClosed();
    }

    /**
     * The L2Gateway controller and its collaborators, wired for a process (here) or a test: the OVN change
     * trigger listening to both clients, the Node informer, chassis health, the decision core, status writer
     * and announcer. Events go to {@code events}, which the caller closes.
     */
    public static L2GatewayReconciler l2GatewayReconciler(KubernetesClient client, NorthboundClient nb,
                                                          SouthboundClient sb, Clock clock, L2GatewayMetrics metrics,
                                                          EventRecorder events, L2GatewaySettings settings,
                                                          UnreadableResources unreadable) {
        L2GatewayTrigger trigger = new L2GatewayTrigger();
        ChassisHealth health = new ChassisHealth(clock, settings.failoverTimeout());
        InformedNodeLabels nodeLabels = new InformedNodeLabels(client, trigger::all);
        ChassisHealthMonitor healthMonitor = new ChassisHealthMonitor(sb, health, settings.failoverTimeout(),
                trigger::all);
        ChassisIdentityCheck identity = new ChassisIdentityCheck(sb::encapIps, nodeLabels::nodeFacts,
                r -> events.recordAboutNode(r.nodeName(), EventRecorder.WARNING, ChassisIdentityCheck.MISMATCH,
                        r.message()));
        GatewayProgrammer programmer = new GatewayProgrammer(nb, sb, new GatewayChooser(nodeLabels), health,
                identity, unreadable);
        nb.addListener(trigger);
        sb.addListener(trigger);
        return new L2GatewayReconciler(nb, trigger, nodeLabels, healthMonitor, programmer, new StatusWriter(client),
                new GatewayAnnouncer(events, metrics, clock, settings.progressDeadline()), clock, settings);
    }

    /** A started operator: Kubernetes client, OVSDB sessions, controllers, endpoints. Close to stop it all. */
    public static final class RunningOperator implements AutoCloseable {
        private final KubernetesClient client;
        private final OvsdbNorthboundClient northbound;
        private final OvsdbSouthboundClient southbound;
        private final LeaderState leaderState;
        private final String leaseNamespace;
        private final L2GatewaySettings gatewaySettings;
        private final UnreadableResources unreadable;
        private String leaseName;
        private final OperatorMetrics metrics = new OperatorMetrics();
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean closing = new AtomicBoolean();
        private final CountDownLatch closed = new CountDownLatch(1);
        private Operator operator;
        private L2GatewayReconciler gateways;
        private OrphanCollector orphans;
        private KubernetesEventRecorder events;
        private OpsHttpServer endpoints;

        private RunningOperator(KubernetesClient client, OvsdbNorthboundClient northbound,
                                OvsdbSouthboundClient southbound,
                                LeaderState leaderState, String leaseNamespace, L2GatewaySettings gatewaySettings,
                                UnreadableResources unreadable) {
            this.client = client;
            this.unreadable = unreadable;
            this.northbound = northbound;
            this.southbound = southbound;
            this.leaderState = leaderState;
            this.leaseNamespace = leaseNamespace;
            this.gatewaySettings = gatewaySettings;
        }

        /**
         * Starts everything; returns once the controllers are started (as leader or standby).
         *
         * @param environment the process environment (KUBECONFIG, POD_NAME, POD_NAMESPACE)
         * @param onLostLeadership what to do when the Lease is lost while running
         */
        public static RunningOperator start(OperatorOptions options, Map<String, String> environment,
                                            Runnable onLostLeadership) {
            KubernetesConfigResolver.ResolvedConfig kube =
                    KubernetesConfigResolver.resolve(options.kubeconfig(), environment);
            UnreadableResources unreadable = unreadableResources();
            // Named, not found: fabric8 picks at random among the HTTP clients on the classpath, and a classpath
            // with node-agent's JDK client beside ours (the tests', the benchmark's) gave the operator either one
            // from start to start. The image ships only Vert.x's.
            KubernetesClient client = new KubernetesClientBuilder().withConfig(kube.config())
                    .withHttpClientFactory(new VertxHttpClientFactory())
                    .withKubernetesSerialization(unreadable.serialization()).build();
            LOG.info(() -> "decided: Kubernetes API at " + kube.config().getMasterUrl() + " from " + kube.source());
            String identity = LeaderElectionSettings.identity(options.identity(), environment);
            String namespace = LeaderElectionSettings.namespace(options.leaseNamespace(), environment,
                    client.getNamespace());
            LeaderState leaderState = new LeaderState(identity, onLostLeadership);
            L2GatewaySettings defaults = L2GatewaySettings.defaults();
            // Events about cluster-scoped resources go to the operator's own namespace, beside its Lease.
            L2GatewaySettings gatewaySettings = new L2GatewaySettings(options.failoverTimeout(),
                    defaults.pendingResync(), defaults.readyResync(), defaults.progressDeadline(), options.orphanGrace(),
                    defaults.orphanInterval(), defaults.transactTimeout(), namespace);

            ClientOptions ovsdbOptions = options.ssl().map(ClientOptions.defaults()::withSsl)
                    .orElse(ClientOptions.defaults());
            OvsdbNorthboundClient northbound = OvsdbNorthboundClient.connect(options.ovnNbDb().toString(),
                    gatewaySettings.transactTimeout(), ovsdbOptions);
            OvsdbSouthboundClient southbound = OvsdbSouthboundClient.connect(options.ovnSbDb().toString(),
                    gatewaySettings.transactTimeout(), ovsdbOptions);
            RunningOperator running = new RunningOperator(client, northbound, southbound, leaderState,
                    namespace, gatewaySettings, unreadable);
            try {
                running.startControllers(options);
            } catch (RuntimeException e) {
                running.close();
                throw e;
            }
            return running;
        }

        /**
         * Our kinds are read leniently: one object that does not fit the model (stored where no schema is
         * enforced, or under a skewed CRD) would otherwise end the informer's watch, and JOSDK then stops the
         * whole operator. Such an object is named once here and reconciled as an invalid spec.
         */
        public static UnreadableResources unreadableResources() {
            return new UnreadableResources(Set.of(L2Gateway.class, BridgeMapping.class),
                    u -> LOG.warning(() -> u + "; it is reported as an invalid spec and nothing is done for it "
                            + "until it is fixed"));
        }

        private void startControllers(OperatorOptions options) {
            metrics.declareKind("BridgeMapping");
            metrics.declareKind("L2Gateway");
            operator = new Operator(o -> {
                o.withKubernetesClient(client)
                        .withCloseClientOnStop(false)
                        // the embedded API (and some real ones behind proxies) cannot do server-side apply
                        .withUseSSAToPatchPrimaryResource(false)
                        .withSSABasedCreateUpdateMatchForDependentResources(false)
                        // JOSDK's default is 50 threads. Under a burst those 50 reconciles compete with the creates
                        // for the API server and the CPU; bench/operator-bench 1,000 (2 loaded cores): all Ready
                        // 25.1 s with 50 threads, 14.2 s with 8 (but p50 10.9 s: reconciles queue), 12.5 s with 16
                        .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                        .withMetrics(new ReconcileMetrics(metrics));
                if (options.leaderElection()) {
                    leaseName = options.leaseName();
                    o.withLeaderElectionConfiguration(LeaderElectionSettings.configuration(
                            leaseNamespace, options.leaseName(), leaderState));
                }
            });
            events = new KubernetesEventRecorder(client, gatewaySettings.eventNamespace(), Clock.systemUTC());
            BridgeMappingReconciler bridgeMappings = new BridgeMappingReconciler(
                    new SouthboundAgentReports(southbound), events, Clock.systemUTC(),
                    options.bridgeMappingResync(), gatewaySettings.progressDeadline(), unreadable);
            operator.register(bridgeMappings);
            gateways = l2GatewayReconciler(client, northbound, southbound, Clock.systemUTC(),
                    new OperatorL2GatewayMetrics(metrics), events, gatewaySettings, unreadable);
            L2GatewayReconciler.registerWith(operator, gateways);
            orphans = new OrphanCollector(client, northbound, gatewaySettings);
            // only the leader may delete; the grace period starts when this replica starts leading
            leaderState.whenLeading(orphans::start);

            metrics.addGauge("l2gw_bridgemappings", "BridgeMappings by readiness (their Ready condition).",
                    bridgeMappings::readinessSamples);
            metrics.addGauge("l2gw_operator_leader", "1 when this replica holds the leader election Lease.",
                    () -> List.of(MetricSample.of(leaderState.leading() ? 1 : 0)));
            metrics.addGauge("l2gw_ovsdb_connected", "1 while the OVSDB session to the database is connected.",
                    () -> List.of(MetricSample.of("database", "OVN_Northbound", northbound.isConnected() ? 1 : 0),
                            MetricSample.of("database", "OVN_Southbound", southbound.isConnected() ? 1 : 0)));
            Readiness readiness = new Readiness(List.of(
                    new HealthCheck("northbound connected", northbound::isConnected),
                    new HealthCheck("southbound connected", southbound::isConnected),
                    new HealthCheck("controllers started (leader or standby)", started::get)));
            endpoints = OpsHttpServer.start(options.bindAddress(), options.metricsPort(), options.healthPort(),
                    metrics, () -> !closing.get(), readiness);

            if (!options.leaderElection()) {
                leaderState.leadWithoutElection();
                LOG.warning("decided: leader election is off; this replica reconciles without holding a Lease");
            } else {
                LOG.info(() -> "decided: " + leaderState.identity() + " competes for Lease " + leaseNamespace + "/"
                        + options.leaseName());
            }
            operator.start();
            started.set(true);
        }

        public OperatorMetrics metrics() {
            return metrics;
        }

        public int metricsPort() {
            return endpoints.metricsPort();
        }

        public int healthPort() {
            return endpoints.healthPort();
        }

        public LeaderState leaderState() {
            return leaderState;
        }

        public String leaseNamespace() {
            return leaseNamespace;
        }

        /** Blocks until {@link #close()} has finished. */
        public void awaitClosed() throws InterruptedException {
            closed.await();
        }

        @Override
        public void close() {
            if (!closing.compareAndSet(false, true)) {
                return;
            }
            leaderState.stopping();
            boolean wasLeading = leaderState.leading();
            try {
                if (operator != null) {
                    operator.stop();
                }
                if (wasLeading && leaseName != null) {
                    LeaseRelease.release(client, leaseNamespace, leaseName, leaderState.identity());
                }
            } finally {
                if (orphans != null) {
                    orphans.close();
                }
                if (gateways != null) {
                    gateways.close();
                }
                if (events != null) {
                    events.close();
                }
                if (endpoints != null) {
                    endpoints.close();
                }
                northbound.close();
                southbound.close();
                client.close();
                closed.countDown();
                LOG.info("stopped");
            }
        }
    }
}
