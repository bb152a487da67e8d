package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;

/**
 * The data path comes back by itself, with the same agent running throughout, after each of: ovs-vswitchd
 * on the gateway restarts (every flow, the TLV map and the datapath are lost), someone deletes every flow
 * on br-int, and the Southbound database restarts (after which a VLAN change must still reach the
 * gateway, showing the agent resynchronised and monitors again). One topology serves all three cases.
 */
class RecoveryIT {
    private Testbed testbed;
    private Main.NodeAgent agent;
    private LogCapture problems;

    @BeforeEach
    void start() {
        testbed = Testbed.create("recover");
        problems = LogCapture.of("org.ovnl2gw.agent.problems");
    }

    @AfterEach
    void stop() {
        problems.close();
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    @Test
    void trafficRecoversFromVswitchdRestartDeletedFlowsAndSouthboundRestart() throws Exception {
        ServedSeedPort served = ServedSeedPort.start(testbed, started -> agent = started);
        OvnCentral central = served.central();
        OvsHost gw = served.gw();

        gw.restartVswitchd();
        testbed.restoreTransport(gw);
        eventually("traffic crosses the gateway after ovs-vswitchd restarted", served::crossesBothWays);
        assertMatrixPasses(served.topology(), 0);
        List<String> unreachable = problems.messages(Level.WARNING).stream()
                .filter(m -> m.contains("cannot program")).toList();
        if (unreachable.size() > 1) {
            fail("an unreachable switch is one problem, logged once while it lasts: " + unreachable);
        }

        gw.ofctl("del-flows", "br-int");
        eventually("traffic crosses the gateway after our flows were deleted", served::crossesBothWays);
        assertMatrixPasses(served.topology(), 0);

        central.restartSouthbound();
        eventually("traffic crosses the gateway after the Southbound DB restarted", served::crossesBothWays);
        central.nbctl("set", "Logical_Switch_Port", "lp-gw", "tag_request=100");
        served.topology().setPhysicalHostVlan(100);
        eventually("lp-gw has tag 100", () -> central.sbFind("Port_Binding", "tag", "logical_port=lp-gw")
                .equals(List.of("100")));
        central.nbctl("--wait=hv", "sync");
        eventually("tagged traffic crosses the gateway", served::crossesBothWays);
        assertMatrixPasses(served.topology(), 100);
    }

    private static void assertMatrixPasses(SeedTopology topology, int vlan) {
        List<TrafficMatrix.CaseResult> results = new TrafficMatrix(topology).run(vlan);
        System.out.print(TrafficMatrix.table(results));
        assertTrue(TrafficMatrix.allPassed(results), TrafficMatrix.table(results));
    }
}
