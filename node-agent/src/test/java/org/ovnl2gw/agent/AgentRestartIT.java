package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.FrameProbe.Vif;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;

/**
 * Restarting the agent leaves the data path alone: while it is down frames still cross, and the new agent
 * adopts every flow and port (the same flows, none deleted and re-added, the same port rows). Then, with
 * {@code --withdraw-on-exit}, stopping it decommissions the node: chassis rows removed, the port released,
 * every port and flow of ours gone.
 */
class AgentRestartIT {
    private static final Pattern DURATION = Pattern.compile("duration=([0-9.]+)s, ");
    private static final Pattern STATS = Pattern.compile("(duration=[0-9.]+s|n_packets=\\d+|n_bytes=\\d+"
            + "|idle_age=\\d+|hard_age=\\d+), ");

    private Testbed testbed;
    private Main.NodeAgent agent;

    @BeforeEach
    void start() {
        testbed = Testbed.create("restart");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    @Test
    void restartAdoptsEverythingAndWithdrawOnExitRemovesEverything() throws Exception {
        ServedSeedPort served = ServedSeedPort.start(testbed, started -> agent = started);
        OvnCentral central = served.central();
        OvsHost gw = served.gw();

        Map<String, Double> flowsBefore = flowAges(gw);
        List<String> portsBefore = portRows(gw);
        agent.close();
        agent = null;
        eventually("traffic crosses while no agent runs", served::crossesBothWays);

        List<String> rehearsals;
        try (LogCapture log = LogCapture.of("org.ovnl2gw.agent")) {
            agent = GatewayHarness.startAgent(gw);
            Main.NodeAgent restarted = agent;
            eventually("the new agent serves lp-gw", () -> !restarted.gateway().lastPlan().servedPorts().isEmpty());
            rehearsals = log.messages(java.util.logging.Level.INFO).stream()
                    .filter(m -> m.startsWith("rehears")).toList();
        }
        // the start's rehearsed bind (see AgentModePass.rehearse) went through the switch and left no trace: the
        // flows below are the ones installed before, not one deleted or re-added
        assertEquals(1, rehearsals.size(), "one rehearsal at start: " + rehearsals);
        assertTrue(rehearsals.get(0).startsWith("rehearsed a bind on a made-up port ("), rehearsals.get(0));
        central.nbctl("--wait=hv", "sync"); // the new agent reports nb_cfg only after a complete pass
        eventually("traffic crosses after the restart", served::crossesBothWays);

        Map<String, Double> flowsAfter = flowAges(gw);
        assertEquals(flowsBefore.keySet(), flowsAfter.keySet(), "the same flows of ours before and after");
        flowsBefore.forEach((flow, age) -> assertTrue(flowsAfter.get(flow) >= age,
                "flow kept, not re-added (age " + age + "s before, " + flowsAfter.get(flow) + "s after): " + flow));
        assertTrue(flowsAfter.keySet().stream().noneMatch(f -> f.contains("hard_timeout=")),
                "no lease without a companion candidate (BFD decides between agent gateways): " + flowsAfter.keySet());
        assertEquals(portsBefore, portRows(gw), "the same port rows of ours before and after");
        assertEquals(List.of("true"), central.sbFind("Port_Binding", "up", "logical_port=lp-gw"));

        // An agent that stays dead leaves its node forwarding as it was told (its switch answers BFD, so no
        // agent standby takes over beside it); the lease that fences it exists only where ovn-controller's
        // chassis is a candidate (CompanionFailoverIT).
        agent.close();
        agent = null;
        FrameProbe.sleep(4000);
        assertTrue(served.crossesBothWays(), "a gateway whose agent died keeps bridging both ways");

        agent = GatewayHarness.startAgent(gw, "--withdraw-on-exit");
        eventually("a new agent lets the physical network in again", served::crossesBothWays);

        agent.close();
        agent = null;
        assertEquals(List.of(), central.sbFind("Chassis", "name", "name=hv_gw"), "Chassis withdrawn");
        assertEquals(List.of(), central.sbFind("Chassis_Private", "name", "name=hv_gw"), "Chassis_Private withdrawn");
        assertEquals(List.of(), central.sbFind("Port_Binding", "chassis", "logical_port=lp-gw"), "lp-gw released");
        assertEquals(List.of("false"), central.sbFind("Port_Binding", "up", "logical_port=lp-gw"));
        assertEquals(List.of(), GatewayHarness.ourPorts(gw), "ports of ours left on the gateway");
        assertEquals(List.of(), GatewayHarness.ourFlows(gw), "flows of ours left on the gateway");
        assertFalse(served.crossesBothWays(), "nothing crosses a withdrawn gateway");
    }

    /**
     * An agent of before 2026-12-03 made a patch pair per l2gateway port ({@code patch-br-int-to-<port>},
     * {@code patch-<port>-to-br-int}, marked ours and with {@code ovn-l2gateway-port}); this one makes one per
     * mapped bridge. The node is put in the old agent's state (its pair on the OpenFlow port the flows use, so
     * traffic still crosses with no agent), then the new agent starts: it makes the bridge's pair, points the
     * flows at it and removes the old pair, and every frame crosses once, broadcast included (both pairs hang
     * off the physical bridge while the agent moves from one to the other).
     */
    @Test
    void upgradeFromAPatchPairPerPortMovesTheFlowsToTheBridgesPairAndRemovesTheOldPair() throws Exception {
        ServedSeedPort served = ServedSeedPort.start(testbed, started -> agent = started);
        OvnCentral central = served.central();
        OvsHost gw = served.gw();
        Vif vif1 = served.vif1();
        Vif vif3 = served.vif3();
        String bridge = SeedTopology.PHYSICAL_BRIDGE;
        List<String> bridgePair = GatewayHarness.patchPairTo(gw, bridge);
        assertEquals(List.of("patch-br-int-to-" + bridge, "patch-" + bridge + "-to-br-int"), bridgePair);
        String ofport = gw.vsctl("get", "Interface", "patch-br-int-to-" + bridge, "ofport").strip();
        agent.close();
        agent = null;

        String ids = "external_ids:ovn-l2gateway-port=lp-gw external_ids:ovn-l2gw-owner=node-agent";
        String oldSide = "patch-br-int-to-lp-gw";
        String oldBridgeSide = "patch-lp-gw-to-br-int";
        gw.vsctl("del-port", "br-int", "patch-br-int-to-" + bridge, "--", "del-port", bridge,
                "patch-" + bridge + "-to-br-int");
        // a transaction of its own: ovs-vswitchd frees the OpenFlow number only once the port is gone
        gw.vsctl(("add-port br-int " + oldSide + " -- set Interface " + oldSide + " type=patch"
                + " options:peer=" + oldBridgeSide + " ofport_request=" + ofport + " " + ids + " -- set Port "
                + oldSide + " " + ids + " -- add-port " + bridge + " " + oldBridgeSide + " -- set Interface "
                + oldBridgeSide + " type=patch options:peer=" + oldSide + " " + ids + " -- set Port "
                + oldBridgeSide + " " + ids).split(" "));
        assertEquals(ofport, gw.vsctl("get", "Interface", oldSide, "ofport").strip());
        eventually("the old agent's pair carries the traffic", served::crossesBothWays);

        agent = GatewayHarness.startAgent(gw);
        eventually("the old pair is gone", () -> GatewayHarness.patchPortsFor(gw, "lp-gw").isEmpty());
        assertEquals(bridgePair, GatewayHarness.patchPairTo(gw, bridge));
        assertEquals(List.of(), GatewayHarness.lines(gw.vsctl("--bare", "--columns=name", "find", "Port",
                "name=" + oldSide)));
        eventually("traffic crosses through the bridge's pair", served::crossesBothWays);
        Vif vif2 = new Vif(served.topology().hypervisor(2), "vif2");
        List<Vif> all = List.of(vif1, vif2, vif3);
        assertOnce(FrameProbe.send(vif3, "f00000000001f00000000003" + "0803", all, java.util.Set.of(vif1)), vif1);
        assertOnce(FrameProbe.send(vif1, "f00000000003f00000000001" + "0801", all, java.util.Set.of(vif3)), vif3);
        assertOnce(FrameProbe.send(vif3, "fffffffffffff00000000003" + "0803", all, java.util.Set.of(vif1, vif2)),
                vif1, vif2);
        assertEquals(List.of("true"), central.sbFind("Port_Binding", "up", "logical_port=lp-gw"));
    }

    /** Exactly the {@code expected} VIFs received the frame, each once. */
    private static void assertOnce(Map<Vif, List<String>> received, Vif... expected) {
        assertEquals(java.util.Set.of(expected), received.keySet(), "who received it: " + received);
        received.forEach((vif, frames) -> assertEquals(1, frames.size(), vif + " received " + frames));
    }

    /** Our flows, each without its statistics, with how long it has been installed. */
    private static Map<String, Double> flowAges(OvsHost gw) {
        Map<String, Double> ages = new LinkedHashMap<>();
        for (String line : GatewayHarness.ourFlowsWithStats(gw)) {
            Matcher m = DURATION.matcher(line);
            assertTrue(m.find(), "a duration in " + line);
            ages.put(STATS.matcher(line).replaceAll(""), Double.parseDouble(m.group(1)));
        }
        return ages;
    }

    /** Row UUID and name of every port of ours: a port deleted and re-created would get a new UUID. */
    private static List<String> portRows(OvsHost gw) {
        return GatewayHarness.lines(gw.vsctl("--bare", "--columns=_uuid,name", "find", "Port",
                "external_ids:ovn-l2gw-owner=node-agent")).stream().sorted().toList();
    }
}
