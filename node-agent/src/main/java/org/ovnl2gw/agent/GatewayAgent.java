package org.ovnl2gw.agent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.ovnl2gw.agent.bridge.BfdSessions;
import org.ovnl2gw.agent.bridge.LocalPortsManager;
import org.ovnl2gw.agent.bridge.LocalSwitch;
import org.ovnl2gw.agent.bridge.OfportWatch;
import org.ovnl2gw.agent.chassis.ChassisMode;
import org.ovnl2gw.agent.dataplane.FlowManager;
import org.ovnl2gw.agent.dataplane.GatewayPlan;
import org.ovnl2gw.agent.dataplane.MacAnnouncer;
import org.ovnl2gw.agent.dataplane.PeerLiveness;
import org.ovnl2gw.agent.dataplane.TakeoverAnnouncements;
import org.ovnl2gw.agent.loop.CoalescingLoop;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.ConnectionListener;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * The gateway chassis loop, wiring only: one {@link CoalescingLoop} driven by the local OVS and Southbound
 * monitors, and a tick that beats the heartbeat. A pass resolves the chassis settings, keeps the Southbound
 * session, tells which mode the node is in, and hands the work to {@link AgentModePass} or
 * {@link CompanionModePass}. Nothing runs before both databases are in sync, so a restart adopts what is
 * installed instead of tearing it down; when the Southbound DB is unreachable the data path stays as it is.
 *
 * <p>Idle costs nothing but the heartbeat: passes run on changes that matter (another chassis's heartbeat does
 * not), and a tick runs one only when the last did not finish, a lease needs renewing, the Southbound DB is
 * away (the isolation fence keeps time), or the switch's flows no longer look like what was installed (its count
 * of them, every 5 s, or a dump every minute: {@link FlowManager}).
 */
public final class GatewayAgent implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GatewayAgent.class.getName());
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final AgentOptions options;
    private final OvsdbSession ovs;
    private final LocalSwitch local;
    private final FlowManager flows;
    private final TakeoverAnnouncements announcer;
    private final AgentModePass agentPass;
    private final CompanionModePass companionPass;
    private final ProblemLog problems = new ProblemLog();
    private final CoalescingLoop loop;
    private volatile Supplier<Map<String, String>> publishedConfig = Map::of;

    private SouthboundConnection sb;
    private ChassisConfig config;
    private volatile ChassisMode mode;
    /** Whether the last pass ran to its end without an exception. */
    private boolean lastPassFinished;

    public GatewayAgent(AgentOptions options, OvsdbSession ovs) {
        this.options = options;
        this.ovs = ovs;
        this.local = new LocalSwitch(ovs);
        this.flows = new FlowManager(options.ovsRundir(), options.integrationBridge());
        ProblemLog announcementProblems = new ProblemLog();
        this.announcer = new TakeoverAnnouncements(MacAnnouncer.forBridge(options.ovsRundir(),
                options.integrationBridge(), announcementProblems::report));
        this.agentPass = new AgentModePass(options, local, new LocalPortsManager(ovs), new OfportWatch(ovs), flows,
                announcer);
        this.companionPass = new CompanionModePass(options.integrationBridge(), flows, announcer);
        this.loop = new CoalescingLoop("gateway-agent", this::reconcile);
    }

    /** Starts reacting to the local database and ticking; call once. */
    public GatewayAgent start() {
        ovs.addCacheListener(changes());
        ovs.addConnectionListener(reconnects());
        loop.every(Duration.ZERO, options.heartbeatInterval(), this::tick);
        return this;
    }

    /** Extra {@code other_config} entries to publish in our Chassis row (the BridgeMapping controller's). */
    public void publish(Supplier<Map<String, String>> config) {
        this.publishedConfig = config;
        requestReconcile();
    }

    /** The plan of the last pass: which ports are served, which have problems. */
    public GatewayPlan lastPlan() {
        return mode == ChassisMode.COMPANION ? companionPass.lastPlan() : agentPass.lastPlan();
    }

    /** Who this node's chassis is, once the Southbound DB was seen; empty before. */
    public Optional<ChassisMode> mode() {
        return Optional.ofNullable(mode);
    }

    public void requestReconcile() {
        loop.request();
    }

    private CacheListener changes() {
        return new CacheListener() {
            @Override
            public void onInsert(Row row) {
                requestReconcile();
            }

            @Override
            public void onUpdate(Row oldRow, Row newRow) {
                if (!onlyHeartbeat(oldRow, newRow)) {
                    requestReconcile();
                }
            }

            @Override
            public void onDelete(Row row) {
                requestReconcile();
            }
        };
    }

    /**
     * A {@code Chassis_Private} update that only advanced a heartbeat or ovn-controller's {@code nb_cfg}
     * acknowledgement: every gateway beats every few seconds, and none of that changes what this chassis does.
     */
    static boolean onlyHeartbeat(Row oldRow, Row newRow) {
        if (!newRow.table().equals("Chassis_Private")) {
            return false;
        }
        Map<String, String> before = new LinkedHashMap<>(oldRow.getStringMap("external_ids"));
        Map<String, String> after = new LinkedHashMap<>(newRow.getStringMap("external_ids"));
        before.remove(ChassisKeys.HEARTBEAT);
        after.remove(ChassisKeys.HEARTBEAT);
        return before.equals(after) && oldRow.getString("name").equals(newRow.getString("name"))
                && oldRow.getOptionalUuid("chassis").equals(newRow.getOptionalUuid("chassis"));
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
        boolean southbound = sb != null && sb.isConnected();
        if (!lastPassFinished || !southbound || mode == ChassisMode.COMPANION || !agentPass.complete()
                || agentPass.leased() || flowsNeedSync()) {
            loop.runNow();
        }
        if (sb == null || !sb.isConnected() || config == null) {
            return;
        }
        if (mode == ChassisMode.COMPANION) {
            // the operator's only sign of this gateway's life (no BFD with ovn-controller's chassis)
            if (ovs.isConnected() && companionPass.switchAnswers()) {
                sb.companion().heartbeat(config.chassisName());
            }
        } else if (mode == ChassisMode.AGENT && !agentPass.pathDown() && agentPass.complete()) {
            // a switch that cannot be programmed is no gateway: the operator may then move the port to a
            // companion, which no BFD tells (agent standbys learn it from BFD, cpath_down, as before)
            sb.registrar().heartbeat(config.chassisName(), agentPass.appliedNbCfg());
        }
    }

    /** A due check of the switch's flows that found them changed, or could not tell: a pass then restores them. */
    private boolean flowsNeedSync() {
        if (!flows.checkDue()) {
            return false;
        }
        try {
            return flows.check();
        } catch (FlowManager.FlowSyncException e) {
            return true; // the pass reports the switch's problem with its others
        }
    }

    private void reconcile() {
        if (!ovs.isConnected()) {
            return; // nothing can be judged without the local database, and its problems stay as reported
        }
        lastPassFinished = false;
        Map<String, String> passProblems = new LinkedHashMap<>();
        try {
            reconcileOnce(passProblems);
            lastPassFinished = true;
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            // rate-limited with the pass's other problems; the heartbeat stops until a pass completes again
            passProblems.put("pass", "a pass could not finish (claims, ports and flows may not be applied;"
                    + " the heartbeat is held until one does): " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        problems.report(passProblems);
    }

    private void reconcileOnce(Map<String, String> passProblems)
            throws ExecutionException, TimeoutException, InterruptedException {
        ChassisConfig.Resolution resolution = ChassisConfig.resolve(options, local);
        if (resolution.config().isEmpty()) {
            resolution.problems().forEach(p -> passProblems.put(p, "chassis not configured: " + p));
            return;
        }
        config = resolution.config().get();
        ensureSouthbound(config.southboundRemote());
        String me = config.chassisName();
        if (mode != ChassisMode.COMPANION) {
            agentPass.prepareSwitch(passProblems);
        }
        List<LocalSwitch.PortState> localPorts = local.ports();
        PeerLiveness liveness = new PeerLiveness(BfdSessions.down(localPorts), BfdSessions.up(localPorts),
                BfdSessions.flaps(localPorts));
        if (!sb.isConnected()) {
            if (mode != ChassisMode.COMPANION) {
                agentPass.withoutSouthbound(liveness, passProblems);
            }
            return;
        }
        Optional<Row> chassisRow = sb.registrar().chassisRow(me);
        ChassisMode detected = ChassisMode.detect(me, chassisRow.map(r -> r.getStringMap("external_ids")),
                local.otherConfig());
        if (detected != mode) {
            LOG.info(() -> "node-agent mode for chassis " + me + ": " + detected.describe(me));
            if (detected == ChassisMode.COMPANION) {
                agentPass.removeAll();
            }
            mode = detected;
        }
        if (mode == ChassisMode.COMPANION) {
            companionPass.run(me, publishedConfig.get(), sb, chassisRow, localPorts);
        } else {
            agentPass.run(config, publishedConfig.get(), sb, localPorts, liveness, passProblems);
        }
    }

    private void ensureSouthbound(String remote) {
        if (sb != null && remote.equals(sb.remote())) {
            return;
        }
        if (sb != null) {
            String before = sb.remote();
            LOG.info(() -> "Southbound remote changed from " + before + " to " + remote);
            sb.close();
        }
        sb = SouthboundConnection.open(remote, options.ovsdbClientOptions(), changes(), reconnects());
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
        try {
            loop.stop(WRITE_TIMEOUT);
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
        String me = config.chassisName();
        LOG.info(() -> "withdrawing chassis " + me + ": releasing ports, removing flows and ports");
        boolean southbound = sb != null && sb.session().awaitConnected(WRITE_TIMEOUT);
        if (!southbound) {
            LOG.warning("withdrawing without the Southbound DB: ports stay bound and the chassis rows stay");
        }
        agentPass.withdraw(me, southbound ? Optional.of(sb) : Optional.empty());
        if (southbound) {
            sb.registrar().withdraw(me).get(WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
