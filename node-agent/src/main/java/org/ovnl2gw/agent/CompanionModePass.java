package org.ovnl2gw.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.ovnl2gw.agent.bridge.LocalSwitch;
import org.ovnl2gw.agent.dataplane.FlowManager;
import org.ovnl2gw.agent.dataplane.GatewayPlan;
import org.ovnl2gw.agent.dataplane.SouthboundView;
import org.ovnl2gw.agent.dataplane.TakeoverAnnouncements;
import org.ovnl2gw.contract.OvsKeys;
import org.ovnl2gw.ovsdb.Row;

/**
 * One pass beside ovn-controller (companion mode): publish our keys, and announce the switch's MACs when
 * ovn-controller starts serving a port here (the binding names this chassis and the patch port ovn-controller
 * made, found by its {@code external_ids:ovn-l2gateway-port}, has an ofport). The announcements are packet-outs
 * straight to that patch port, so they run through none of ovn-controller's br-int flows and install nothing;
 * ovn-controller 23.03 announces nothing for l2gateway ports itself.
 */
final class CompanionModePass {
    private static final Logger LOG = Logger.getLogger(CompanionModePass.class.getName());
    private static final long WRITE_TIMEOUT_SECONDS = 10;

    private final String integrationBridge;
    private final FlowManager flows;
    private final TakeoverAnnouncements announcer;
    /** Whether ovs-vswitchd answered on br-int's management socket in the last pass. */
    private volatile boolean switchAnswers = true;
    private volatile GatewayPlan lastPlan = GatewayPlan.EMPTY;

    CompanionModePass(String integrationBridge, FlowManager flows, TakeoverAnnouncements announcer) {
        this.integrationBridge = integrationBridge;
        this.flows = flows;
        this.announcer = announcer;
    }

    /** The ports ovn-controller serves here, as the last pass saw them. */
    GatewayPlan lastPlan() {
        return lastPlan;
    }

    /**
     * The operator's only sign of this gateway's life is our heartbeat (no BFD with ovn-controller's chassis): a
     * node whose switch is gone is no gateway, so the beat stops with it.
     */
    boolean switchAnswers() {
        return switchAnswers;
    }

    void run(String me, Map<String, String> published, SouthboundConnection sb, Optional<Row> chassisRow,
             List<LocalSwitch.PortState> localPorts)
            throws ExecutionException, TimeoutException, InterruptedException {
        sb.companion().unmarkChassis(chassisRow).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        sb.companion().ensure(me, published).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        boolean answers = flows.reachable();
        if (answers != switchAnswers) {
            LOG.warning(() -> answers ? "ovs-vswitchd answers again on " + integrationBridge
                    + ": heartbeat resumes" : "ovs-vswitchd does not answer on " + integrationBridge
                    + ": no heartbeat until it does, so the operator can move l2gateway ports away");
            switchAnswers = answers;
        }
        SouthboundView view = sb.view(me);
        Map<String, Long> controllerPatches = new HashMap<>();
        for (LocalSwitch.PortState p : localPorts) {
            String lport = p.portExternalIds().get(OvsKeys.L2GATEWAY_PORT);
            if (p.bridge().equals(integrationBridge) && lport != null && p.ofport() > 0) {
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
                ofports.put(s.logicalPort(), ofport);
            }
        }
        GatewayPlan plan = new GatewayPlan(served, List.of(), List.of());
        lastPlan = plan;
        announcer.served(plan, view, ofports);
    }
}
