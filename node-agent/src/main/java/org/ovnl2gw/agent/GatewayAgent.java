package org.ovnl2gw.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ovnl2gw.agent.bridge.BfdSessions;
import org.ovnl2gw.agent.bridge.LocalPortsManager;
import org.ovnl2gw.agent.bridge.LocalSwitch;
import org.ovnl2gw.agent.bridge.PortSpec;
import org.ovnl2gw.agent.chassis.BindingContests;
import org.ovnl2gw.agent.chassis.ChassisIdentity;
import org.ovnl2gw.agent.chassis.ChassisMode;
import org.ovnl2gw.agent.chassis.CompanionReporter;
import org.ovnl2gw.agent.chassis.ChassisRegistrar;
import org.ovnl2gw.agent.chassis.PortClaims;
import org.ovnl2gw.agent.chassis.SouthboundReader;
import org.ovnl2gw.agent.dataplane.FlowManager;
import org.ovnl2gw.agent.dataplane.GatewayFlows;
import org.ovnl2gw.agent.dataplane.GatewayPlan;
import org.ovnl2gw.agent.dataplane.GatewayPlanner;
import org.ovnl2gw.agent.dataplane.GatewayRoles;
import org.ovnl2gw.agent.dataplane.GatewayRoles.Role;
import org.ovnl2gw.agent.dataplane.PeerLiveness;
import org.ovnl2gw.agent.dataplane.SouthboundView;
import org.ovnl2gw.agent.dataplane.MacAnnouncer;
import org.ovnl2gw.agent.dataplane.TakeoverAnnouncements;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.OvsKeys;
import org.ovnl2gw.contract.Ownership;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.ConnectionListener;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * The l2gateway chassis: one reconcile loop, on one thread, driven by the local OVS and Southbound monitors
 * and a periodic tick. Each pass computes the whole desired state (chassis rows, claims, ports, flows) and
 * applies the difference; nothing runs before both databases are in sync, so a restart adopts what is
 * installed instead of tearing it down. When the Southbound database is unreachable the data path is left
 * as it is until it comes back.
 */
public final class GatewayAgent implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GatewayAgent.class.getName());
    private static final long WRITE_TIMEOUT_SECONDS = 10;

    private final AgentOptions options;
    private final OvsdbSession ovs;
    private final LocalSwitch local;
    private final LocalPortsManager ports;
    private final FlowManager flows;
    private final GatewayPlanner planner = new GatewayPlanner();
    private final GatewayFlows flowBuilder = new GatewayFlows();
    private final ProblemLog problems = new ProblemLog();
    private final TakeoverAnnouncements announcer;
    private final ScheduledExecutorService loop;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Supplier<Map<String, String>> publishedConfig = Map::of;

    private OvsdbSession sb;
    private String sbRemote;
    private ChassisRegistrar registrar;
    private CompanionReporter companion;
    private volatile ChassisMode mode;
    private PortClaims claims;
    private ChassisConfig config;
    private Optional<Long> appliedNbCfg = Optional.empty();
    private volatile GatewayPlan lastPlan = new GatewayPlan(List.of(), List.of(), List.of());
    private final Map<String, String> tookOverFrom = new HashMap<>();
    private final Incumbents incumbents = new Incumbents();
    private final BindingContests contests = new BindingContests();
    private PeerLiveness lastLiveness = PeerLiveness.ALL_ALIVE;
    private Map<String, Role> lastRoles = Map.of();
    /** Whether the last pass did all its work (claims, ports, flows): only then does the heartbeat advance. */
    private volatile boolean lastPassComplete;
    /** The problems of the pass under way, reported together (see ProblemLog). */
    private Map<String, String> passProblems = new LinkedHashMap<>();
    private Optional<Long> isolatedSince = Optional.empty();
    private boolean pathDown;
    /** Companion mode: whether ovs-vswitchd answered on br-int's management socket in the last pass. */
    private volatile boolean switchAnswers = true;
    /** The last desired flows and, of them, those held by a lease (see {@link #expiringFlows}). */
    private Set<Flow> lastDesired = Set.of();
    private Set<Flow> lastExpiring = Set.of();

    public GatewayAgent(AgentOptions options, OvsdbSession ovs) {
        this.options = options;
        this.ovs = ovs;
        this.local = new LocalSwitch(ovs);
        this.ports = new LocalPortsManager(ovs);
        this.flows = new FlowManager(options.ovsRundir(), options.integrationBridge());
        ProblemLog announcementProblems = new ProblemLog();
        this.announcer = new TakeoverAnnouncements(MacAnnouncer.forBridge(options.ovsRundir(),
                options.integrationBridge(), announcementProblems::report));
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-agent");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reacting to the local database and ticking; call once. */
    public GatewayAgent start() {
        ovs.addCacheListener(changes());
        ovs.addConnectionListener(reconnects());
        long period = options.heartbeatInterval().toMillis();
        loop.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Extra {@code other_config} entries to publish in our Chassis row (the BridgeMapping controller's). */
    public void publish(Supplier<Map<String, String>> config) {
        this.publishedConfig = config;
        requestReconcile();
    }

    /** The plan of the last pass: which ports are served, which have problems. */
    public GatewayPlan lastPlan() {
        return lastPlan;
    }

    public void requestReconcile() {
        if (!loop.isShutdown() && pending.compareAndSet(false, true)) {
            try {
                loop.schedule(this::reconcile, 20, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping: the change no longer matters
            }
        }
    }

    private CacheListener changes() {
        return new CacheListener() {
            @Override
            public void onInsert(Row row) {
                requestReconcile();
            }

            @Override
            public void onUpdate(Row oldRow, Row newRow) {
                requestReconcile();
            }

            @Override
            public void onDelete(Row row) {
                requestReconcile();
            }
        };
    }

    private ConnectionListener reconnects() {
        return new ConnectionListener() {
            @Override
            public void onConnected(String peer) {
                LOG.info(() -> "connected to " + peer);
                requestReconcile();
            }

            @Override
            public void onDisconnected(String reason) {
                LOG.warning(() -> "database connection lost: " + reason + "; the data path stays as it is");
            }
        };
    }

    private void tick() {
        reconcile();
        if (registrar != null && sb.isConnected() && config != null) {
            if (mode == ChassisMode.COMPANION) {
                // the operator's only sign of this gateway's life (no BFD with ovn-controller's chassis): a node
                // whose switch database is gone is no gateway, so the beat stops with it
                if (ovs.isConnected() && switchAnswers) {
                    companion.heartbeat(config.chassisName());
                }
            } else if (mode == ChassisMode.AGENT && !pathDown && lastPassComplete) {
                // a switch that cannot be programmed is no gateway: the operator may then move the port to a
                // companion, which no BFD tells (agent standbys learn it from BFD, cpath_down, as before)
                registrar.heartbeat(config.chassisName(), appliedNbCfg);
            }
        }
    }

    /** Who this node's chassis is, once the Southbound DB was seen; empty before. */
    public Optional<ChassisMode> mode() {
        return Optional.ofNullable(mode);
    }

    private void reconcile() {
        pending.set(false);
        lastPassComplete = false;
        passProblems = new LinkedHashMap<>();
        try {
            reconcileOnce();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            // rate-limited with the pass's other problems; the heartbeat stops until a pass completes again
            passProblems.put("pass", "a pass could not finish (claims, ports and flows may not be applied;"
                    + " the heartbeat is held until one does): " + rootMessage(e));
            problems.report(passProblems);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reconcileOnce() throws ExecutionException, TimeoutException, InterruptedException {
        if (!ovs.isConnected()) {
            return;
        }
        ChassisConfig.Resolution resolution = ChassisConfig.resolve(options, local);
        if (resolution.config().isEmpty()) {
            Map<String, String> missing = new LinkedHashMap<>();
            resolution.problems().forEach(p -> missing.put(p, "chassis not configured: " + p));
            problems.report(missing);
            return;
        }
        config = resolution.config().get();
        ensureSouthbound(config.southboundRemote());
        String me = config.chassisName();
        List<LocalSwitch.PortState> localPorts = local.ports();
        PeerLiveness liveness = new PeerLiveness(BfdSessions.down(localPorts), BfdSessions.up(localPorts),
                BfdSessions.flaps(localPorts));
        if (!sb.isConnected()) {
            if (!fenceIfIsolated(liveness)) {
                renewLease();
            }
            return;
        }
        isolatedSince = Optional.empty();
        Optional<Row> chassisRow = registrar.chassisRow(me);
        ChassisMode detected = ChassisMode.detect(me, chassisRow.map(r -> r.getStringMap("external_ids")),
                local.otherConfig());
        if (detected != mode) {
            LOG.info(() -> "node-agent mode for chassis " + me + ": " + detected.describe(me));
            if (detected == ChassisMode.COMPANION) {
                removeOurDataPath();
            }
            mode = detected;
        }
        if (mode == ChassisMode.COMPANION) {
            reconcileCompanion(me, chassisRow, localPorts);
            return;
        }
        Optional<Long> nbCfg = registrar.southboundNbCfg();
        await(ports.ensureIntegrationBridge(options.integrationBridge()));
        Map<String, String> otherConfig = new HashMap<>(publishedConfig.get());
        otherConfig.put(ChassisKeys.BRIDGE_MAPPINGS, config.bridgeMappings().format());
        await(registrar.ensure(new ChassisIdentity(me, config.hostname(), config.encapIp(), otherConfig)));

        SouthboundView view = new SouthboundReader(sb.cache()).view(me);
        Map<String, String> current = passProblems;
        liveness = liveness.withOvnControllers(view.chassis().values().stream()
                .filter(SouthboundView.RemoteChassis::ovnController).map(SouthboundView.RemoteChassis::name)
                .collect(java.util.stream.Collectors.toSet()));
        Map<String, Role> roles = new HashMap<>();
        for (SouthboundView.LogicalPort port : view.ports()) {
            boolean incumbentSeenUp = incumbents.observe(port.name(), port.chassis().filter(c -> !c.equals(me)),
                    liveness);
            Role role = GatewayRoles.decide(port, me, liveness, Optional.ofNullable(tookOverFrom.get(port.name())),
                    incumbentSeenUp);
            Optional<String> foreign = port.chassis().filter(c -> !c.equals(me)
                    && !GatewayRoles.order(port).contains(c));
            if (role == Role.CLAIM && foreign.isPresent()
                    && !contests.mayReclaim(port.name(), System.currentTimeMillis())) {
                current.put("contested/" + port.name(), "l2gateway port " + port.name() + " was taken by chassis "
                        + foreign.get() + ", which is not one of its gateway candidates, "
                        + BindingContests.MAX_RECLAIMS + " times within " + BindingContests.WINDOW.toMinutes()
                        + " min: no longer taking it back (BindingContested); find who writes Port_Binding.chassis");
                role = Role.STANDBY;
            }
            if (role != Role.NONE) {
                roles.put(port.name(), role);
            }
        }
        logTransitions(me, liveness, roles);
        PortClaims.Outcome claimed = await(claims.reconcile(me, roles));
        claimed.lost().forEach(p -> roles.put(p, Role.STANDBY));
        claimed.released().forEach(p -> roles.put(p, Role.NONE));
        rememberTakeovers(view, roles, claimed, liveness);

        GatewayPlan plan = planner.plan(view, config.bridgeMappings(), local.bridgeNames(), roles);
        lastPlan = plan;
        plan.problems().forEach(p -> current.put(p.logicalPort() + "/" + p.message(), p.message()));

        LocalPortsManager.Result portResult = await(ports.apply(Ownership.NODE_AGENT, portSpecs(plan)));
        Map<String, Long> ofports = local.ofports(options.integrationBridge());
        Set<Flow> desired = flowBuilder.flows(plan, view, ofports);
        Set<Flow> expiring = expiringFlows(plan, view, desired, liveness);
        try {
            flows.sync(desired, expiring, options.fenceLeaseSeconds());
            lastDesired = desired;
            lastExpiring = expiring;
            pathDown = false;
        } catch (FlowManager.FlowSyncException e) {
            // one report per pass with every problem in it: reporting the plan's problems and the switch's
            // separately would mark each "resolved" by the other and defeat the rate limit
            current.put("openflow", e.getMessage() + "; telling the peer gateways (BFD) not to rely on this one");
            pathDown = true;
            problems.report(current);
            return;
        }
        problems.report(current);
        lastPassComplete = true;
        announcer.served(plan, view, ofports);
        boolean complete = !portResult.changedSomething() && plan.servedPorts().stream()
                .allMatch(p -> ofports.containsKey(p.integrationPatch()))
                && plan.tunnels().stream().allMatch(t -> ofports.containsKey(t.portName()));
        if (complete && nbCfg.isPresent() && !nbCfg.equals(appliedNbCfg)) {
            appliedNbCfg = nbCfg;
            registrar.heartbeat(me, appliedNbCfg);
        }
    }

    /**
     * Beside ovn-controller: publish our keys, and announce the switch's MACs when ovn-controller starts serving
     * a port here (the binding names this chassis and the patch port ovn-controller made, found by its
     * {@code external_ids:ovn-l2gateway-port}, has an ofport). The announcements are packet-outs straight to that
     * patch port, so they run through none of ovn-controller's br-int flows and install nothing; ovn-controller
     * 23.03 announces nothing for l2gateway ports itself.
     */
    private void reconcileCompanion(String me, Optional<Row> chassisRow, List<LocalSwitch.PortState> localPorts)
            throws ExecutionException, TimeoutException, InterruptedException {
        await(companion.unmarkChassis(chassisRow));
        await(companion.ensure(me, publishedConfig.get()));
        boolean answers = flows.reachable();
        if (answers != switchAnswers) {
            LOG.warning(() -> answers ? "ovs-vswitchd answers again on " + options.integrationBridge()
                    + ": heartbeat resumes" : "ovs-vswitchd does not answer on " + options.integrationBridge()
                    + ": no heartbeat until it does, so the operator can move l2gateway ports away");
            switchAnswers = answers;
        }
        SouthboundView view = new SouthboundReader(sb.cache()).view(me);
        Map<String, Long> controllerPatches = new HashMap<>();
        for (LocalSwitch.PortState p : localPorts) {
            String lport = p.portExternalIds().get(OvsKeys.L2GATEWAY_PORT);
            if (p.bridge().equals(options.integrationBridge()) && lport != null && p.ofport() > 0) {
                controllerPatches.put(lport, p.ofport());
            }
        }
        List<GatewayPlan.ServedPort> served = new ArrayList<>();
        Map<String, Long> ofports = new HashMap<>();
        for (SouthboundView.LogicalPort port : view.ports()) {
            Long ofport = controllerPatches.get(port.name());
            Long datapathKey = view.datapaths().get(port.datapath());
            if (port.isL2Gateway() && port.chassis().filter(me::equals).isPresent() && ofport != null
                    && datapathKey != null) {
                GatewayPlan.ServedPort s = new GatewayPlan.ServedPort(port.name(), port.datapath(), datapathKey,
                        port.tunnelKey(), port.tag(), port.networkName().orElse(""), "");
                served.add(s);
                ofports.put(s.integrationPatch(), ofport);
            }
        }
        GatewayPlan plan = new GatewayPlan(served, List.of(), List.of());
        lastPlan = plan;
        problems.report(Map.of());
        announcer.served(plan, view, ofports);
    }

    /** Entering companion mode: whatever an earlier agent-mode run left on this node (marked ours) goes. */
    private void removeOurDataPath() throws ExecutionException, TimeoutException, InterruptedException {
        LocalPortsManager.Result removed = await(ports.apply(Ownership.NODE_AGENT, List.of()));
        if (!removed.deleted().isEmpty()) {
            LOG.info(() -> "removed the ports this agent created before ovn-controller took the chassis: "
                    + removed.deleted());
        }
        try {
            flows.sync(Set.of());
        } catch (FlowManager.FlowSyncException e) {
            LOG.warning(() -> "could not check br-int for flows of ours: " + e.getMessage());
        }
        announcer.served(new GatewayPlan(List.of(), List.of(), List.of()), null, Map.of());
        lastPlan = new GatewayPlan(List.of(), List.of(), List.of());
    }

    /**
     * The fence for a move the gateways cannot decide themselves. When a chassis ovn-controller serves is among a
     * served port's candidates, the operator moves the port there by renaming the option once our heartbeat
     * stops (ovn-controller runs no BFD with us and cannot take over on its own). If only this agent died, its
     * switch would keep bridging beside the new gateway; so for such ports the flows that let the physical network
     * in carry a hard timeout ({@code --fence-lease}), renewed on every pass (every heartbeat, with the Southbound
     * DB or without it), and end by themselves before the operator's failover timeout when the agent is gone.
     */
    private Set<Flow> expiringFlows(GatewayPlan plan, SouthboundView view, Set<Flow> desired, PeerLiveness liveness) {
        String me = view.localChassis();
        List<GatewayPlan.ServedPort> fenced = plan.servedPorts().stream().filter(served -> view.ports().stream()
                .filter(p -> p.name().equals(served.logicalPort())).findFirst()
                .map(p -> GatewayRoles.order(p).stream().anyMatch(c -> !c.equals(me) && liveness.ovnController(c)))
                .orElse(false)).toList();
        return fenced.isEmpty() ? Set.of() : GatewayFlows.admitting(desired, fenced);
    }

    private void renewLease() {
        if (lastExpiring.isEmpty()) {
            return;
        }
        try {
            flows.sync(lastDesired, lastExpiring, options.fenceLeaseSeconds());
        } catch (FlowManager.FlowSyncException e) {
            problems.report(Map.of("openflow", e.getMessage()));
        }
    }

    /**
     * Remembers from which named chassis we took a port over (so that chassis's return does not make us hand the
     * port back before the operator has chosen again), and forgets it once the name changes or the port is gone.
     */
    private void rememberTakeovers(SouthboundView view, Map<String, Role> roles, PortClaims.Outcome claimed,
                                   PeerLiveness liveness) {
        for (SouthboundView.LogicalPort port : view.ports()) {
            Optional<String> named = port.l2gatewayChassis();
            String previous = tookOverFrom.get(port.name());
            if (claimed.claimed().contains(port.name()) && named.isPresent() && !named.get().equals(config.chassisName())
                    && !liveness.alive(named.get())) {
                tookOverFrom.put(port.name(), named.get());
                LOG.info(() -> "took over l2gateway port " + port.name() + " from " + named.get()
                        + " (BFD: down)");
            } else if (previous != null && (!named.filter(previous::equals).isPresent()
                    || roles.getOrDefault(port.name(), Role.NONE) == Role.NONE)) {
                tookOverFrom.remove(port.name());
            }
        }
    }

    /** Logs what BFD says of the peers and each port's role when they change (never every pass). */
    private void logTransitions(String me, PeerLiveness liveness, Map<String, Role> roles) {
        if (!liveness.equals(lastLiveness)) {
            LOG.info(() -> me + ": BFD: peers forwarding " + liveness.up() + ", down " + liveness.down());
            lastLiveness = liveness;
        }
        if (!roles.equals(lastRoles)) {
            Map<String, Role> before = lastRoles;
            LOG.info(() -> me + ": roles " + new java.util.TreeMap<>(roles) + " (were " + new java.util.TreeMap<>(before) + ")");
            lastRoles = Map.copyOf(roles);
        }
    }

    /**
     * Per port, the other chassis holding it and whether its BFD session was seen forwarding since it does: seen
     * by a pass, or told by the session's flap count having grown since (a forwarding spell between two passes).
     */
    private static final class Incumbents {
        private final Map<String, String> holder = new HashMap<>();
        private final Map<String, Long> flapsAtStart = new HashMap<>();
        private final Set<String> seenUp = new java.util.HashSet<>();

        boolean observe(String port, Optional<String> other, PeerLiveness liveness) {
            if (other.isEmpty()) {
                holder.remove(port);
                flapsAtStart.remove(port);
                seenUp.remove(port);
                return false;
            }
            String peer = other.get();
            if (!peer.equals(holder.put(port, peer))) {
                seenUp.remove(port);
                flapsAtStart.put(port, liveness.flaps(peer));
            }
            if (liveness.seenUp(peer) || liveness.flaps(peer) > flapsAtStart.getOrDefault(port, 0L)) {
                seenUp.add(port);
            }
            return seenUp.contains(port);
        }
    }

    /**
     * Without the Southbound DB nothing is changed, except in one case: every peer gateway is down by BFD as
     * well, so this node is cut off from the other gateways and the Southbound DB at once, and a standby that
     * can still reach them has probably taken over. Then it stops letting traffic through after a few BFD
     * detection times rather than risk two gateways bridging one network.
     */
    private boolean fenceIfIsolated(PeerLiveness liveness) {
        List<String> peers = lastPlan.tunnels().stream().filter(GatewayPlan.TunnelPort::peer)
                .map(GatewayPlan.TunnelPort::chassis).toList();
        boolean isolated = !lastPlan.servedPorts().isEmpty() && !peers.isEmpty()
                && peers.stream().noneMatch(liveness::alive);
        if (!isolated) {
            isolatedSince = Optional.empty();
            return false;
        }
        long now = System.nanoTime();
        if (isolatedSince.isEmpty()) {
            isolatedSince = Optional.of(now);
            LOG.warning(() -> "lost the Southbound DB and every peer gateway " + peers + " by BFD: this node looks"
                    + " cut off; stopping bridging unless it comes back");
        }
        if (now - isolatedSince.get() > TimeUnit.MILLISECONDS.toNanos(10L * options.bfdIntervalMillis())) {
            try {
                lastPlan = new GatewayPlan(List.of(), lastPlan.servedPorts(), lastPlan.tunnels(), lastPlan.problems());
                flows.sync(Set.of());
                lastDesired = Set.of();
                lastExpiring = Set.of();
                announcer.served(lastPlan, null, Map.of());
            } catch (FlowManager.FlowSyncException e) {
                problems.report(Map.of("openflow", e.getMessage()));
            }
        }
        return true;
    }

    private List<PortSpec> portSpecs(GatewayPlan plan) {
        List<PortSpec> specs = new ArrayList<>();
        String brInt = options.integrationBridge();
        List<GatewayPlan.ServedPort> withPatchPorts = new ArrayList<>(plan.servedPorts());
        withPatchPorts.addAll(plan.standbyPorts());
        for (GatewayPlan.ServedPort port : withPatchPorts) {
            Map<String, String> ids = Map.of(OvsKeys.L2GATEWAY_PORT, port.logicalPort());
            specs.add(new PortSpec(brInt, port.integrationPatch(), "patch", Map.of("peer", port.bridgePatch()), ids));
            specs.add(new PortSpec(port.bridge(), port.bridgePatch(), "patch", Map.of("peer", port.integrationPatch()),
                    ids));
        }
        for (GatewayPlan.TunnelPort tunnel : plan.tunnels()) {
            specs.add(new PortSpec(brInt, tunnel.portName(), "geneve",
                    Map.of("remote_ip", tunnel.remoteIp(), "key", "flow", "csum", "true"),
                    Map.of(OvsKeys.CHASSIS_ID, tunnel.chassis()),
                    tunnel.peer() ? BfdSessions.config(options.bfdIntervalMillis(), pathDown) : Map.of()));
        }
        return specs;
    }

    private void ensureSouthbound(String remote) {
        if (sb != null && remote.equals(sbRemote)) {
            return;
        }
        if (sb != null) {
            LOG.info(() -> "Southbound remote changed from " + sbRemote + " to " + remote);
            sb.close();
        }
        sbRemote = remote;
        sb = OvsdbSession.builder(OvsdbRemote.parse(remote), "OVN_Southbound")
                .clientOptions(options.ovsdbClientOptions())
                .monitor(SouthboundReader.monitorSpec())
                .cacheListener(changes())
                .connectionListener(reconnects())
                .start();
        registrar = new ChassisRegistrar(sb);
        companion = new CompanionReporter(sb);
        claims = new PortClaims(sb);
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * Stops the loop. With {@code --withdraw-on-exit}, first releases our ports and removes our flows,
     * ports and chassis rows; otherwise everything stays in place for the next start to adopt.
     */
    @Override
    public void close() {
        loop.shutdown();
        try {
            loop.awaitTermination(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (options.withdrawOnExit() && config != null && mode != ChassisMode.COMPANION) {
                withdraw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | TimeoutException | FlowManager.FlowSyncException e) {
            LOG.warning("withdrawing failed: " + rootMessage(e));
        } finally {
            announcer.close();
            flows.close();
            if (sb != null) {
                sb.close();
            }
        }
    }

    private void withdraw() throws ExecutionException, TimeoutException, InterruptedException,
            FlowManager.FlowSyncException {
        LOG.info(() -> "withdrawing chassis " + config.chassisName() + ": releasing ports, removing flows and ports");
        boolean southbound = sb != null && sb.awaitConnected(java.time.Duration.ofSeconds(WRITE_TIMEOUT_SECONDS));
        if (!southbound) {
            LOG.warning("withdrawing without the Southbound DB: ports stay bound and the chassis rows stay");
        }
        if (southbound) {
            await(claims.releaseAll(config.chassisName()));
        }
        flows.deleteAll();
        await(ports.apply(Ownership.NODE_AGENT, List.of()));
        if (southbound) {
            await(registrar.withdraw(config.chassisName()));
        }
    }
}
