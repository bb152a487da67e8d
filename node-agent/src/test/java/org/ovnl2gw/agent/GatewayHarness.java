package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.ovnl2gw.agent.dataplane.GatewayTables;
import org.ovnl2gw.contract.OvsKeys;
import org.ovnl2gw.contract.Ownership;
import org.ovnl2gw.testbed.OvsHost;

/**
 * What the agent ITs share: starting the agent in-process against a simulated host (the one way to, with
 * {@link OvsHost#agentArguments}), and looking at what of ours exists on a host, by the marks the agent puts on everything it creates.
 */
public final class GatewayHarness {
    private static final String OUR_COOKIE = String.format("cookie=0x%x/0x%x", GatewayTables.COOKIE_OWNER,
            GatewayTables.COOKIE_OWNER_MASK);

    private GatewayHarness() {
    }

    /** Starts an agent for {@code host} with a short heartbeat, as the DaemonSet would start it. */
    public static Main.NodeAgent startAgent(OvsHost host, String... extra) throws InterruptedException {
        Main.NodeAgent agent = Main.NodeAgent.start(AgentOptions.parse(host.agentArguments(extra)));
        assertTrue(agent.awaitLocalDatabase(Duration.ofSeconds(20)), "agent connected to " + host + "'s database");
        return agent;
    }

    /**
     * Names of the ports carrying {@code external_ids:ovn-l2gateway-port=<logicalPort>} on the host: the patch ports
     * ovn-controller makes for an l2gateway port (the agent's own are per bridge, {@link #patchPairTo}).
     */
    static List<String> patchPortsFor(OvsHost host, String logicalPort) {
        return lines(host.vsctl("--bare", "--columns=name", "find", "Port",
                "external_ids:" + OvsKeys.L2GATEWAY_PORT + "=" + logicalPort));
    }

    /** Names of the agent's patch pair between br-int and {@code bridge} on the host, sorted. */
    static List<String> patchPairTo(OvsHost host, String bridge) {
        return lines(host.vsctl("--bare", "--columns=name", "find", "Port",
                "external_ids:" + OvsKeys.PATCH_TO_BRIDGE + "=" + bridge)).stream().sorted().toList();
    }

    /** Names of every port the gateway side of the agent owns on the host (patch ports and tunnels). */
    static List<String> ourPorts(OvsHost host) {
        return lines(host.vsctl("--bare", "--columns=name", "find", "Port",
                "external_ids:" + Ownership.OWNER_KEY + "=" + Ownership.NODE_AGENT)).stream()
                .filter(name -> !name.equals("br-int")).toList();
    }

    /** Flows with our cookie on br-int, without statistics. */
    static List<String> ourFlows(OvsHost host) {
        return flowLines(host.ofctl("dump-flows", "br-int", OUR_COOKIE, "--no-stats"));
    }

    /** Flows with our cookie on br-int, with statistics (duration, packet counts). */
    static List<String> ourFlowsWithStats(OvsHost host) {
        return flowLines(host.ofctl("dump-flows", "br-int", OUR_COOKIE));
    }

    static List<String> flowLines(String dump) {
        return lines(dump).stream().filter(l -> !l.startsWith("OFPST_FLOW") && !l.startsWith("NXST_FLOW")).toList();
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
