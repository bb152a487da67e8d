package org.ovnl2gw.agent;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ovnl2gw.agent.bridge.LocalPortsManager;
import org.ovnl2gw.agent.bridge.LocalSwitch;
import org.ovnl2gw.agent.bridge.OfportRequests;
import org.ovnl2gw.agent.bridge.OfportWatch;
import org.ovnl2gw.agent.bridge.PortSpec;
import org.ovnl2gw.agent.chassis.BindingContests;
import org.ovnl2gw.agent.chassis.ChassisIdentity;
import org.ovnl2gw.agent.chassis.PortClaims;
import org.ovnl2gw.agent.dataplane.FlowManager;
import org.ovnl2gw.agent.dataplane.GatewayFlows;
import org.ovnl2gw.agent.dataplane.GatewayPlan;
import org.ovnl2gw.agent.dataplane.GatewayPlanner;
import org.ovnl2gw.agent.dataplane.GatewayRoles.Role;
import org.ovnl2gw.agent.dataplane.GatewayRoles;
import org.ovnl2gw.agent.dataplane.Incumbents;
import org.ovnl2gw.agent.dataplane.PeerLiveness;
import org.ovnl2gw.agent.dataplane.SouthboundView;
import org.ovnl2gw.agent.dataplane.TakeoverAnnouncements;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.contract.BridgeMappings;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.Ownership;

/**
 * One pass of the agent-mode chassis (this node's chassis for l2gateway ports is ours), in the order the data
 * requires and no slower: the chassis rows; each port's role from the Southbound view and BFD; then the claims
 * (Southbound) and the patch ports and tunnels (local OVS) at the same time, since neither needs the other, and
 * with them the flows (only the difference, see {@link FlowManager}), staged in an open bundle, while
 * ovs-vswitchd may still be adding the new ports: they are created with OpenFlow port numbers asked for
 * ({@link OfportRequests}), checked once it has numbered them; once the claims are settled the staged flows are
 * committed (one round trip), or dropped and computed again if a claim was lost; then the announcements of ports
 * that started being served.
 *
 * <p>Flows take effect only after the claim on purpose: a claim that loses its compare-and-set means another
 * gateway holds the port, and flows in effect before knowing would have two gateways bridging one network. Staged,
 * they are in the switch and checked, and cost one round trip after the claim instead of the whole bundle. The
 * exception is a claim nobody else may make (an unbound port with no candidate but this chassis, see
 * {@link #claimsUncontested}): there the flows are committed first and the claims sent after, as ovn-controller
 * does.
 */
final class AgentModePass {
    private static final Logger LOG = Logger.getLogger(AgentModePass.class.getName());
    private static final long WRITE_TIMEOUT_SECONDS = 10;
    /** How long a pass waits for ovs-vswitchd to number the ports it created before leaving them to the next. */
    private static final Duration OFPORT_WAIT = Duration.ofSeconds(2);

    private final AgentOptions options;
    private final LocalSwitch local;
    private final LocalPortsManager ports;
    private final OfportWatch ofportWatch;
    private final FlowManager flows;
    private final TakeoverAnnouncements announcer;
    private final GatewayPlanner planner = new GatewayPlanner();
    private final GatewayFlows flowBuilder = new GatewayFlows();

    private final Map<String, String> tookOverFrom = new HashMap<>();
    private final Incumbents incumbents = new Incumbents();
    private final BindingContests contests = new BindingContests();
    private PeerLiveness lastLiveness = PeerLiveness.ALL_ALIVE;
    private Map<String, Role> lastRoles = Map.of();
    private volatile GatewayPlan lastPlan = GatewayPlan.EMPTY;
    private Optional<Long> appliedNbCfg = Optional.empty();
    private boolean complete;
    private boolean pathDown;
    private Optional<Long> isolatedSince = Optional.empty();
    /** The last desired flows and, of them, those held by a lease (see {@link #expiringFlows}). */
    private Set<Flow> lastDesired = Set.of();
    private Set<Flow> lastExpiring = Set.of();
    private boolean rehearsed;

    AgentModePass(AgentOptions options, LocalSwitch local, LocalPortsManager ports, OfportWatch ofportWatch,
                  FlowManager flows, TakeoverAnnouncements announcer) {
        this.options = options;
        this.local = local;
        this.ports = ports;
        this.ofportWatch = ofportWatch;
        this.flows = flows;
        this.announcer = announcer;
    }

    /** The plan of the last pass: which ports are served, which have problems. */
    GatewayPlan lastPlan() {
        return lastPlan;
    }

    /** Whether the last pass did all its work (claims, ports, flows): only then does the heartbeat advance. */
    boolean complete() {
        return complete;
    }

    /** Whether the switch could not be programmed in the last pass (BFD then tells the peers, cpath_down). */
    boolean pathDown() {
        return pathDown;
    }

    /** The Southbound {@code nb_cfg} this chassis has fully applied, for the heartbeat to report. */
    Optional<Long> appliedNbCfg() {
        return appliedNbCfg;
    }

    /** Whether some installed flows hold a lease the ticks must renew even when nothing changes. */
    boolean leased() {
        return !lastExpiring.isEmpty();
    }

    /**
     * Before anything else, and without the Southbound DB: connect to the integration bridge and install the Geneve
     * option map, so that frames a hypervisor tunnels here early decode (a switch without the map drops them as
     * "Invalid Geneve tunnel metadata").
     */
    void prepareSwitch(Map<String, String> problems) {
        if (local.bridge(options.integrationBridge()).isEmpty()) {
            return;
        }
        try {
            flows.prepare();
        } catch (FlowManager.FlowSyncException e) {
            problems.put("openflow", e.getMessage());
        }
    }

    /**
     * Once, before the chassis registers: the work of a bind on a made-up port, through the same code (roles, plan,
     * port specs, flows, and those flows staged in the switch and dropped), so that the first real claim does not
     * pay for the JVM running that code for the first time (class loading and initialisation, lambda and
     * string-concatenation linkage). Measured on 2026-12-03 (bench/vs-ovn-controller, FINE log): the first bind
     * after start took 54-120 ms to its first frame against 12-40 ms for the next ones, ~40 ms of it computing
     * the plan and flows. That first claim is most likely a failover, on a standby that had nothing to do since
     * it started. Nothing is sent to the Southbound DB, nothing takes effect in the switch, and a failure here
     * only costs the first bind its speed.
     */
    private void rehearse(String me) {
        long start = System.nanoTime();
        String network = "ovn-l2gw-rehearsal";
        String bridge = "br-l2gw-rehearsal";
        String datapath = "00000000-0000-0000-0000-000000000001";
        String peer = "ovn-l2gw-rehearsal-peer";
        SouthboundView.LogicalPort gatewayPort = new SouthboundView.LogicalPort("rehearsal-l2gw", datapath, 1,
                "l2gateway", Optional.empty(), List.of(), Optional.of(network), Optional.of(me), 100, List.of(me),
                Map.of());
        SouthboundView.LogicalPort vif = new SouthboundView.LogicalPort("rehearsal-vif", datapath, 2, "",
                Optional.of(peer), List.of("0a:00:00:00:00:01"), Optional.empty(), Optional.empty(), 0, List.of(),
                Map.of("0a:00:00:00:00:01", "192.0.2.2"));
        SouthboundView view = new SouthboundView(me, Map.of(peer, new SouthboundView.RemoteChassis(peer, "192.0.2.1",
                true)), Map.of(datapath, 1L), List.of(gatewayPort, vif), List.of(
                new SouthboundView.MulticastGroup(datapath, "_MC_flood", 32768, Set.of(gatewayPort.name(), vif.name())),
                new SouthboundView.MulticastGroup(datapath, "_MC_unknown", 32769, Set.of(gatewayPort.name()))));
        try {
            Map<String, Role> roles = roles(view, me, PeerLiveness.ALL_ALIVE, new HashMap<>());
            claimsUncontested(view, roles, me); // run for its code, as a bind runs it; the answer does not matter
            BridgeMappings mappings = BridgeMappings.parse(network + ":" + bridge);
            GatewayPlan plan = planner.plan(view, mappings, Set.of(bridge), roles);
            String brInt = options.integrationBridge();
            List<PortSpec> specs = OfportRequests.assign(portSpecs(plan, GatewayPortSpecs.uplinkBridges(mappings,
                    Set.of(bridge), brInt)), brInt, Set.of(), Set.of());
            // the numbers asked for the made-up ports, as a bind's new ports get them (never created here)
            DesiredFlows desired = desiredFlows(plan, view, PeerLiveness.ALL_ALIVE, expectedOfports(brInt, specs));
            flows.rehearse(desired.all());
            LOG.info(() -> String.format("rehearsed a bind on a made-up port (%d flows staged in %s and dropped,"
                    + " nothing applied) in %.1f ms", desired.all().size(), brInt, (System.nanoTime() - start) / 1e6));
        } catch (FlowManager.FlowSyncException | RuntimeException e) {
            LOG.info(() -> "rehearsing a bind failed (the first real one will be slower): " + e.getMessage());
        }
    }

    void run(ChassisConfig config, Map<String, String> published, SouthboundConnection sb, List<LocalSwitch.PortState> localPorts,
             PeerLiveness bfd, Map<String, String> problems)
            throws ExecutionException, TimeoutException, InterruptedException {
        complete = false;
        isolatedSince = Optional.empty();
        long tStart = System.nanoTime();
        String me = config.chassisName();
        Optional<Long> nbCfg = sb.registrar().southboundNbCfg();
        await(ports.ensureIntegrationBridge(options.integrationBridge()));
        prepareSwitch(problems);
        if (!rehearsed && flows.prepared()) {
            rehearsed = true;
            rehearse(me);
        }
        if (sb.registrar().chassisRow(me).isEmpty() && !flows.prepared()) {
            // hypervisors tunnel to a chassis as soon as its row appears: not before its switch decodes Geneve
            problems.put("unprepared", "not registering chassis " + me + " before " + options.integrationBridge()
                    + " takes the Geneve option map (its OpenFlow socket does not answer yet)");
            return;
        }
        Map<String, String> otherConfig = new HashMap<>(published);
        otherConfig.put(ChassisKeys.BRIDGE_MAPPINGS, config.bridgeMappings().format());
        long tPrepared = System.nanoTime();
        await(sb.registrar().ensure(new ChassisIdentity(me, config.hostname(), config.encapIp(), otherConfig)));
        long tRegistered = System.nanoTime();

        SouthboundView view = sb.view(me);
        long tViewed = System.nanoTime();
        PeerLiveness liveness = bfd.withOvnControllers(view.chassis().values().stream()
                .filter(SouthboundView.RemoteChassis::ovnController).map(SouthboundView.RemoteChassis::name)
                .collect(Collectors.toSet()));
        Map<String, Role> roles = roles(view, me, liveness, problems);
        Map<String, Role> decided = Map.copyOf(roles);

        // claims and local ports at once: the patch pairs are per bridge, there for standby and active alike. When
        // no other gateway may bridge what this pass claims, the flows go first and the claims after them.
        boolean flowsFirst = claimsUncontested(view, roles, me);
        long tDecided = System.nanoTime();
        CompletableFuture<PortClaims.Outcome> claiming = flowsFirst ? null : sb.claims().reconcile(me, roles);
        long tClaimSent = System.nanoTime();
        Set<String> bridges = local.bridgeNames();
        GatewayPlan tentative = planner.plan(view, config.bridgeMappings(), bridges, roles);
        String brInt = options.integrationBridge();
        Set<String> uplinks = GatewayPortSpecs.uplinkBridges(config.bridgeMappings(), bridges, brInt);
        Set<String> existing = localPorts.stream().map(LocalSwitch.PortState::name).collect(Collectors.toSet());
        List<PortSpec> specs = OfportRequests.assign(portSpecs(tentative, uplinks), brInt, existing,
                local.takenOfports(brInt));
        CompletableFuture<LocalPortsManager.Result> porting = ports.applyKeeping(Ownership.NODE_AGENT, specs);
        // The flows go in while ovs-vswitchd adds the new ports, with the numbers asked for them, and while the
        // claims are on their way: staged in an open bundle, in effect only once every claim has won (a lost
        // claim drops them). Only a port that exists without a number (no request of this pass) is waited for.
        Set<String> tentativeNumbered = numberedPorts(tentative);
        Map<String, Long> ofports = expectedOfports(brInt, specs);
        DesiredFlows stagedFlows = null;
        FlowManager.StagedSync staged = null;
        FlowManager.FlowSyncException stageFailure = null;
        if (ofports.keySet().containsAll(tentativeNumbered)) {
            stagedFlows = desiredFlows(tentative, view, liveness, ofports);
            try {
                staged = flows.stage(stagedFlows.all(), stagedFlows.expiring(), options.fenceLeaseSeconds());
            } catch (FlowManager.FlowSyncException e) {
                stageFailure = e;
            }
        }
        long tSent = System.nanoTime();
        PortClaims.Outcome claimed;
        GatewayPlan plan;
        Set<String> numbered;
        long tClaimed;
        long tOfports;
        boolean committedEarly = false;
        try {
            if (flowsFirst) {
                // nobody else may bridge these ports (see claimsUncontested): in effect now, as ovn-controller does
                if (staged != null) {
                    try {
                        staged.commit();
                        installed(stagedFlows);
                        committedEarly = true;
                    } catch (FlowManager.FlowSyncException e) {
                        flowsFailed(e, problems);
                        // no claim for a switch that did not take the flows; releases and the rest still go
                        Map<String, Role> withoutClaims = new HashMap<>(roles);
                        withoutClaims.values().removeIf(r -> r == Role.CLAIM);
                        await(sb.claims().reconcile(me, withoutClaims));
                        return;
                    }
                }
                claiming = sb.claims().reconcile(me, roles);
            }
            try {
                claimed = await(claiming);
            } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
                if (staged != null && !committedEarly) {
                    staged.discard();
                }
                throw e;
            }
            tClaimed = System.nanoTime();
            claimed.lost().forEach(p -> roles.put(p, Role.STANDBY));
            claimed.released().forEach(p -> roles.put(p, Role.NONE));
            rememberTakeovers(view, roles, claimed, liveness, me);
            plan = claimed.lost().isEmpty() && claimed.released().isEmpty() ? tentative
                    : planner.plan(view, config.bridgeMappings(), bridges, roles);
            lastPlan = plan;
            plan.problems().forEach(p -> problems.put(p.logicalPort() + "/" + p.message(), p.message()));
            numbered = plan == tentative ? tentativeNumbered : numberedPorts(plan);

            if (plan == tentative && staged != null) {
                tOfports = System.nanoTime();
                try {
                    if (!committedEarly) {
                        staged.commit();
                        installed(stagedFlows);
                    }
                } catch (FlowManager.FlowSyncException e) {
                    flowsFailed(e, problems);
                    return;
                }
            } else {
                // a claim lost or a port released: what was committed early is corrected by the sync below
                if (staged != null && !committedEarly) {
                    staged.discard();
                }
                if (stageFailure != null) {
                    flowsFailed(stageFailure, problems);
                    return;
                }
                if (!ofports.keySet().containsAll(numbered)) {
                    await(porting);
                    ofports.putAll(ofportWatch.await(brInt, numbered, OFPORT_WAIT));
                }
                tOfports = System.nanoTime();
                if (!syncFlows(plan, view, liveness, ofports, problems)) {
                    return;
                }
            }
        } finally {
            logTransitions(me, liveness, decided); // once the flows are in or failed: not before the first frame
        }
        long tFlows = System.nanoTime();
        LocalPortsManager.Result portsDone = await(porting);
        long tPorts = System.nanoTime();
        Map<String, Long> numberedNow = ofportWatch.await(brInt, numbered, OFPORT_WAIT);
        Set<String> renumbered = numbered.stream().filter(n -> numberedNow.containsKey(n)
                && !numberedNow.get(n).equals(ofports.get(n))).collect(Collectors.toCollection(TreeSet::new));
        if (!renumbered.isEmpty()) {
            LOG.warning(() -> "ovs-vswitchd numbered " + renumbered.stream().map(n -> n + " " + numberedNow.get(n)
                    + " (asked " + ofports.get(n) + ")").collect(Collectors.joining(", ")) + ": flows corrected");
            if (!syncFlows(plan, view, liveness, numberedNow, problems)) {
                return;
            }
        }
        // ports no longer wanted go now that no flow uses them (a bridge's pair stays while the bridge is mapped)
        await(ports.apply(Ownership.NODE_AGENT, portSpecs(plan, uplinks)));
        complete = true;
        if (!claimed.claimed().isEmpty() || portsDone.changedSomething()) {
            LOG.fine(() -> String.format("pass: prepared %.1f, registered %.1f, viewed %.1f, decided %.1f, claim sent"
                    + " %.1f, ports and flows sent %.1f; claim %.1f, ofports %.1f, flows %.1f, ports done %.1f ms after sending;"
                    + " %d flows", (tPrepared - tStart) / 1e6, (tRegistered - tPrepared) / 1e6,
                    (tViewed - tRegistered) / 1e6, (tDecided - tViewed) / 1e6, (tClaimSent - tDecided) / 1e6,
                    (tSent - tClaimSent) / 1e6, (tClaimed - tSent) / 1e6, (tOfports - tSent) / 1e6,
                    (tFlows - tSent) / 1e6, (tPorts - tSent) / 1e6, lastDesired.size()));
        }
        announcer.served(plan, view, GatewayPlan.patchOfports(plan, numberedNow));
        if (numberedNow.keySet().containsAll(numbered) && nbCfg.isPresent() && !nbCfg.equals(appliedNbCfg)) {
            appliedNbCfg = nbCfg;
            sb.registrar().heartbeat(me, appliedNbCfg);
        }
    }

    /**
     * Whether the flows may take effect before the claims are even sent: the pass claims something, and every port
     * it claims is one {@link GatewayRoles#uncontested} for this chassis. A pass without claims keeps the order it
     * had (its releases are not held up behind the switch).
     */
    private static boolean claimsUncontested(SouthboundView view, Map<String, Role> roles, String me) {
        List<SouthboundView.LogicalPort> claims = view.ports().stream()
                .filter(p -> roles.get(p.name()) == Role.CLAIM).toList();
        return !claims.isEmpty() && claims.stream().allMatch(p -> GatewayRoles.uncontested(p, me));
    }

    /** A plan's flows and, of them, those held by a lease (see {@link #expiringFlows}). */
    private record DesiredFlows(Set<Flow> all, Set<Flow> expiring) {
    }

    private DesiredFlows desiredFlows(GatewayPlan plan, SouthboundView view, PeerLiveness liveness,
                                      Map<String, Long> ofports) {
        Set<Flow> desired = flowBuilder.flows(plan, view, ofports);
        return new DesiredFlows(desired, expiringFlows(plan, view, desired, liveness));
    }

    /** The patch ports and tunnels whose OpenFlow numbers the plan's flows use. */
    private static Set<String> numberedPorts(GatewayPlan plan) {
        Set<String> numbered = new HashSet<>();
        plan.servedPorts().forEach(p -> numbered.add(p.integrationPatch()));
        plan.tunnels().forEach(t -> numbered.add(t.portName()));
        return numbered;
    }

    /** The numbers br-int's ports have, and those this pass asked for the ports it creates. */
    private Map<String, Long> expectedOfports(String brInt, List<PortSpec> specs) {
        Map<String, Long> ofports = new HashMap<>(local.ofports(brInt));
        specs.stream().filter(spec -> spec.ofportRequest() > 0)
                .forEach(spec -> ofports.putIfAbsent(spec.name(), spec.ofportRequest()));
        return ofports;
    }

    /** Programs the plan's flows; false (reported, BFD told) when the switch could not take them. */
    private boolean syncFlows(GatewayPlan plan, SouthboundView view, PeerLiveness liveness, Map<String, Long> ofports,
                              Map<String, String> problems) {
        DesiredFlows desired = desiredFlows(plan, view, liveness, ofports);
        try {
            flows.sync(desired.all(), desired.expiring(), options.fenceLeaseSeconds());
            installed(desired);
            return true;
        } catch (FlowManager.FlowSyncException e) {
            flowsFailed(e, problems);
            return false;
        }
    }

    private void installed(DesiredFlows desired) {
        lastDesired = desired.all();
        lastExpiring = desired.expiring();
        pathDown = false;
    }

    private void flowsFailed(FlowManager.FlowSyncException e, Map<String, String> problems) {
        // one report per pass with every problem in it: reporting the plan's problems and the switch's
        // separately would mark each "resolved" by the other and defeat the rate limit
        problems.put("openflow", e.getMessage() + "; telling the peer gateways (BFD) not to rely on this one");
        pathDown = true;
    }

    /** Each port's role for this chassis; a port whose binding is contested beyond the limit is left alone. */
    private Map<String, Role> roles(SouthboundView view, String me, PeerLiveness liveness,
                                    Map<String, String> problems) {
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
                problems.put("contested/" + port.name(), "l2gateway port " + port.name() + " was taken by chassis "
                        + foreign.get() + ", which is not one of its gateway candidates, "
                        + BindingContests.MAX_RECLAIMS + " times within " + BindingContests.WINDOW.toMinutes()
                        + " min: no longer taking it back (BindingContested); find who writes Port_Binding.chassis");
                role = Role.STANDBY;
            }
            if (role != Role.NONE) {
                roles.put(port.name(), role);
            }
        }
        return roles;
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
        Map<String, SouthboundView.LogicalPort> byName = new HashMap<>();
        view.ports().forEach(p -> byName.put(p.name(), p));
        List<GatewayPlan.ServedPort> fenced = plan.servedPorts().stream()
                .filter(served -> Optional.ofNullable(byName.get(served.logicalPort()))
                        .map(p -> GatewayRoles.order(p).stream()
                                .anyMatch(c -> !c.equals(me) && liveness.ovnController(c)))
                        .orElse(false)).toList();
        return fenced.isEmpty() ? Set.of() : GatewayFlows.admitting(desired, fenced);
    }

    /**
     * Without the Southbound DB nothing is changed, except in one case: every peer gateway is down by BFD as
     * well, so this node is cut off from the other gateways and the Southbound DB at once, and a standby that
     * can still reach them has probably taken over. Then it stops letting traffic through after a few BFD
     * detection times rather than risk two gateways bridging one network. Otherwise the lease flows are renewed.
     */
    void withoutSouthbound(PeerLiveness liveness, Map<String, String> problems) {
        complete = false;
        List<String> peers = lastPlan.tunnels().stream().filter(GatewayPlan.TunnelPort::peer)
                .map(GatewayPlan.TunnelPort::chassis).toList();
        boolean isolated = !lastPlan.servedPorts().isEmpty() && !peers.isEmpty()
                && peers.stream().noneMatch(liveness::alive);
        try {
            if (!isolated) {
                isolatedSince = Optional.empty();
                if (!lastExpiring.isEmpty()) {
                    flows.sync(lastDesired, lastExpiring, options.fenceLeaseSeconds());
                }
                return;
            }
            long now = System.nanoTime();
            if (isolatedSince.isEmpty()) {
                isolatedSince = Optional.of(now);
                LOG.warning(() -> "lost the Southbound DB and every peer gateway " + peers + " by BFD: this node looks"
                        + " cut off; stopping bridging unless it comes back");
            }
            if (now - isolatedSince.get() > TimeUnit.MILLISECONDS.toNanos(10L * options.bfdIntervalMillis())) {
                lastPlan = new GatewayPlan(List.of(), lastPlan.servedPorts(), lastPlan.tunnels(), lastPlan.problems());
                flows.sync(Set.of());
                lastDesired = Set.of();
                lastExpiring = Set.of();
                announcer.served(lastPlan, null, Map.of());
            }
        } catch (FlowManager.FlowSyncException e) {
            problems.put("openflow", e.getMessage());
        }
    }

    /** Entering companion mode: whatever an earlier agent-mode run left on this node (marked ours) goes. */
    void removeAll() throws ExecutionException, TimeoutException, InterruptedException {
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
        announcer.served(GatewayPlan.EMPTY, null, Map.of());
        lastPlan = GatewayPlan.EMPTY;
        lastDesired = Set.of();
        lastExpiring = Set.of();
    }

    /** Decommissioning: releases our ports (when the Southbound DB is there), then removes our flows and ports. */
    void withdraw(String me, Optional<SouthboundConnection> sb)
            throws ExecutionException, TimeoutException, InterruptedException, FlowManager.FlowSyncException {
        if (sb.isPresent()) {
            await(sb.get().claims().releaseAll(me));
        }
        flows.deleteAll();
        await(ports.apply(Ownership.NODE_AGENT, List.of()));
    }

    /**
     * Remembers from which named chassis we took a port over (so that chassis's return does not make us hand the
     * port back before the operator has chosen again), and forgets it once the name changes or the port is gone.
     */
    private void rememberTakeovers(SouthboundView view, Map<String, Role> roles, PortClaims.Outcome claimed,
                                   PeerLiveness liveness, String me) {
        for (SouthboundView.LogicalPort port : view.ports()) {
            Optional<String> named = port.l2gatewayChassis();
            String previous = tookOverFrom.get(port.name());
            if (claimed.claimed().contains(port.name()) && named.isPresent() && !named.get().equals(me)
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
            LOG.info(() -> me + ": roles " + new TreeMap<>(roles) + " (were " + new TreeMap<>(before) + ")");
            lastRoles = Map.copyOf(roles);
        }
    }

    private List<PortSpec> portSpecs(GatewayPlan plan, Set<String> uplinks) {
        return GatewayPortSpecs.of(plan, uplinks, options.integrationBridge(), options.bfdIntervalMillis(), pathDown);
    }

    private static <T> T await(CompletableFuture<T> future)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
