package org.ovnl2gw.agent.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.Testbed;

/**
 * Against a real ovs-vswitchd (dummy datapath): the gateway flows of
 * proto/example-hv_gw-flows-vlan100.txt go in through a bundle and {@code ovs-ofctl dump-flows}
 * shows exactly them.
 */
class OpenFlowClientIT {
    private static final long COOKIE = 0x4c32_6777L;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private Testbed testbed;
    private OvsHost host;
    private OpenFlowClient client;

    @BeforeEach
    void startSwitch() {
        testbed = Testbed.create("ofit");
        host = testbed.addHost("hv", OvsHost.DummyMode.OVERRIDE);
        host.vsctl("add-br", "br-int", "--", "set-fail-mode", "br-int", "secure",
                "--", "add-port", "br-int", "p1", "--", "set", "Interface", "p1", "type=dummy", "ofport_request=1",
                "--", "add-port", "br-int", "p2", "--", "set", "Interface", "p2", "type=dummy", "ofport_request=2",
                "--", "add-port", "br-int", "p3", "--", "set", "Interface", "p3", "type=dummy", "ofport_request=3");
        client = connect();
    }

    @AfterEach
    void stopSwitch() {
        if (client != null) {
            client.close();
        }
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void bundleInstallsExactlyTheGatewayFlowsAndDumpRoundTrips() {
        assertFalse(await(client.tlvTable()).contains(TlvMapping.OVN_GENEVE));
        await(client.addTlvMappings(List.of(TlvMapping.OVN_GENEVE)));
        assertTrue(await(client.tlvTable()).contains(TlvMapping.OVN_GENEVE));

        List<Flow> desired = gatewayFlowsVlan100();
        assertEquals(OpenFlowClient.UpdateMode.BUNDLE,
                await(client.applyAtomically(desired.stream().map(FlowChange::add).toList())));

        assertEquals(Set.of(
                "cookie=0x4c326777, priority=100,in_port=1,dl_vlan=100 actions=pop_vlan,resubmit(,10)",
                "cookie=0x4c326777, priority=100,tun_id=0x1,in_port=2 actions=resubmit(,20)",
                "cookie=0x4c326777, priority=100,tun_id=0x1,in_port=3 actions=resubmit(,20)",
                "cookie=0x4c326777, priority=0 actions=drop",
                "cookie=0x4c326777, table=10, priority=100,dl_dst=f0:00:00:00:00:02 "
                        + "actions=set_field:0x1->tun_id,set_field:0x30002->tun_metadata0,output:3",
                "cookie=0x4c326777, table=10, priority=100,dl_dst=f0:00:00:00:00:01 "
                        + "actions=set_field:0x1->tun_id,set_field:0x30001->tun_metadata0,output:2",
                "cookie=0x4c326777, table=10, priority=50,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00 "
                        + "actions=set_field:0x1->tun_id,set_field:0x38000->tun_metadata0,output:2,output:3",
                "cookie=0x4c326777, table=10, priority=0 actions=drop",
                "cookie=0x4c326777, table=20, priority=100,tun_metadata0=0x3 "
                        + "actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:1",
                "cookie=0x4c326777, table=20, priority=100,tun_metadata0=0x8000 "
                        + "actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:1",
                "cookie=0x4c326777, table=20, priority=100,tun_metadata0=0x8004 "
                        + "actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:1",
                "cookie=0x4c326777, table=20, priority=100,tun_metadata0=0x8001 "
                        + "actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:1",
                "cookie=0x4c326777, table=20, priority=0 actions=drop"), ofctlFlows());

        assertEquals(new HashSet<>(desired), new HashSet<>(await(client.dumpFlows())));
        assertEquals(5, await(client.dumpFlows(20, COOKIE, -1L)).size(), "four egress keys and the drop");
        assertEquals(0, await(client.dumpFlows(OpenFlowClient.ALL_TABLES, 0x1, -1L)).size());
    }

    @Test
    void bundleModifiesAndDeletes() {
        await(client.addTlvMappings(List.of(TlvMapping.OVN_GENEVE)));
        List<Flow> desired = gatewayFlowsVlan100();
        await(client.applyAtomically(desired.stream().map(FlowChange::add).toList()));

        Flow multicast = desired.get(6);
        Flow onlyToHv1 = multicast.withInstructions(List.of(Instruction.apply(Action.setTunId(1),
                Action.setTunMetadata0(0x38000), Action.output(2))));
        Flow untaggedIn = Flow.of(0, 100, COOKIE, Match.builder().inPort(1).untagged().build(), Action.resubmit(10));
        List<FlowChange> changes = List.of(FlowChange.modify(onlyToHv1), FlowChange.delete(desired.get(0)),
                FlowChange.delete(desired.get(9)), FlowChange.add(untaggedIn));
        assertEquals(OpenFlowClient.UpdateMode.BUNDLE, await(client.applyAtomically(changes)));

        Set<String> flows = ofctlFlows();
        assertTrue(flows.contains("cookie=0x4c326777, table=10, priority=50,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00 "
                + "actions=set_field:0x1->tun_id,set_field:0x38000->tun_metadata0,output:2"), flows::toString);
        assertTrue(flows.contains("cookie=0x4c326777, priority=100,in_port=1,vlan_tci=0x0000/0x1fff "
                + "actions=resubmit(,10)"), flows::toString);
        assertEquals(desired.size() - 1, flows.size(), flows::toString);

        Set<Flow> expected = new HashSet<>(desired);
        expected.remove(desired.get(0));
        expected.remove(desired.get(9));
        expected.remove(multicast);
        expected.add(onlyToHv1);
        expected.add(untaggedIn);
        assertEquals(expected, new HashSet<>(await(client.dumpFlows())));
    }

    @Test
    void refusedActionFailsTheWholeBundleWithAClearError() {
        Flow good = Flow.of(0, 10, COOKIE, Match.builder().inPort(2).build(), Action.output(1));
        // output to a reserved-range port that does not exist: OVS refuses the flow mod
        Flow bad = Flow.of(0, 10, COOKIE, Match.builder().inPort(3).build(), Action.output(0xffffff00L));
        CompletionException e = assertThrows(CompletionException.class, () -> client.applyAtomically(
                List.of(FlowChange.add(good), FlowChange.add(bad))).join());
        OpenFlowErrorException error = assertInstanceOf(OpenFlowErrorException.class, e.getCause());
        assertEquals("OFPBAC_BAD_OUT_PORT", error.errorName());
        assertTrue(error.getMessage().contains("output:4294967040"), error::getMessage);
        assertEquals(Set.of(), ofctlFlows(), "nothing of a refused bundle is installed");

        CompletionException plain = assertThrows(CompletionException.class,
                () -> client.addFlows(List.of(bad)).join());
        assertEquals("OFPBAC_BAD_OUT_PORT", ((OpenFlowErrorException) plain.getCause()).errorName());
        await(client.connection().barrier()); // the session survives errors
    }

    @Test
    void conflictingTlvMapIsANiciraError() {
        await(client.addTlvMappings(List.of(TlvMapping.OVN_GENEVE)));
        CompletionException e = assertThrows(CompletionException.class,
                () -> client.addTlvMappings(List.of(new TlvMapping(0x0102, 0x81, 8, 0))).join());
        OpenFlowErrorException error = assertInstanceOf(OpenFlowErrorException.class, e.getCause());
        assertEquals(OfType.NICIRA, error.experimenter());
        assertEquals("NXTTMFC_ALREADY_MAPPED", error.errorName());
    }

    @Test
    void deleteByCookieRemovesOnlyOurs() {
        host.ofctl("add-flow", "br-int", "cookie=0x99,table=0,priority=5,in_port=3,actions=output:1");
        await(client.addFlows(List.of(Flow.of(0, 10, COOKIE, Match.builder().inPort(2).build(), Action.output(1)),
                Flow.of(30, 10, COOKIE, Match.builder().reg(15, 4).build(), Action.output(3)))));
        assertEquals(3, ofctlFlows().size());
        await(client.deleteFlowsByCookie(OpenFlowClient.ALL_TABLES, COOKIE, -1L));
        assertEquals(Set.of("cookie=0x99, priority=5,in_port=3 actions=output:1"), ofctlFlows());
    }

    @Test
    void sessionBasicsAndReconnectAfterSwitchRestart() throws Exception {
        await(client.connection().echo());
        assertTrue(client.connection().datapathId() != 0);
        List<PortDescription> ports = await(client.portDescriptions());
        assertTrue(ports.stream().anyMatch(p -> p.name().equals("p2") && p.portNo() == 2), ports::toString);

        CompletableFuture<Throwable> disconnected = new CompletableFuture<>();
        client.connection().onDisconnect(disconnected::complete);
        host.restartVswitchd();
        disconnected.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertFalse(client.connection().isOpen());
        assertInstanceOf(OpenFlowDisconnectedException.class,
                assertThrows(CompletionException.class, () -> client.connection().barrier().join()).getCause());

        client.close();
        client = connect();
        await(client.addFlows(List.of(Flow.of(0, 1, COOKIE, Match.any()))));
        assertEquals(Set.of("cookie=0x4c326777, priority=1 actions=drop"), ofctlFlows());
    }

    @Test
    void echoKeepaliveKeepsALiveSwitchAndDropsAFrozenOne() throws Exception {
        Path socket = host.rundir().resolve("br-int.mgmt");
        OpenFlowConnection.Options fastEcho = new OpenFlowConnection.Options(Duration.ofSeconds(10),
                Duration.ofMillis(200));
        try (OpenFlowConnection conn = OpenFlowConnection.connect(OpenFlowEndpoint.unix(socket), fastEcho).join()) {
            CompletableFuture<Throwable> disconnected = new CompletableFuture<>();
            conn.onDisconnect(disconnected::complete);
            Thread.sleep(1500); // several silent intervals: our echoes are answered, the session stays
            assertTrue(conn.isOpen());
            long pid = host.vswitchd().pid();
            host.run("kill", "-STOP", Long.toString(pid));
            try {
                Throwable cause = disconnected.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                assertTrue(cause.getMessage().contains("did not answer an echo"), cause::toString);
            } finally {
                host.run("kill", "-CONT", Long.toString(pid));
            }
        }
    }

    @Test
    void tcpEndpointWorksLikeTheUnixSocket() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        host.vsctl("set-controller", "br-int", "ptcp:" + port + ":127.0.0.1");
        Instant deadline = Instant.now().plus(DEADLINE);
        OpenFlowClient tcp = null;
        while (tcp == null) {
            try {
                tcp = OpenFlowClient.connect(OpenFlowEndpoint.tcp("127.0.0.1", port)).join();
            } catch (CompletionException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep();
            }
        }
        try (OpenFlowClient c = tcp) {
            await(c.addFlows(List.of(Flow.of(0, 7, COOKIE, Match.builder().inPort(1).build(), Action.output(2)))));
            assertEquals(Set.of("cookie=0x4c326777, priority=7,in_port=1 actions=output:2"), ofctlFlows());
            assertEquals(client.connection().datapathId(), c.connection().datapathId());
        }
    }

    /** proto/example-hv_gw-flows-vlan100.txt: patch port 1, tunnels 2 and 3, VLAN 100, datapath key 1. */
    private static List<Flow> gatewayFlowsVlan100() {
        List<Flow> flows = new ArrayList<>();
        flows.add(Flow.of(0, 100, COOKIE, Match.builder().inPort(1).vlanVid(100).build(),
                Action.popVlan(), Action.resubmit(10)));
        flows.add(Flow.of(0, 100, COOKIE, Match.builder().inPort(2).tunId(1).build(), Action.resubmit(20)));
        flows.add(Flow.of(0, 100, COOKIE, Match.builder().inPort(3).tunId(1).build(), Action.resubmit(20)));
        flows.add(Flow.of(0, 0, COOKIE, Match.any()));
        flows.add(Flow.of(10, 100, COOKIE, Match.builder().ethDst("f0:00:00:00:00:02").build(),
                Action.setTunId(1), Action.setTunMetadata0(0x30002), Action.output(3)));
        flows.add(Flow.of(10, 100, COOKIE, Match.builder().ethDst("f0:00:00:00:00:01").build(),
                Action.setTunId(1), Action.setTunMetadata0(0x30001), Action.output(2)));
        flows.add(Flow.of(10, 50, COOKIE, Match.builder().ethDstMulticast().build(),
                Action.setTunId(1), Action.setTunMetadata0(0x38000), Action.output(2), Action.output(3)));
        flows.add(Flow.of(10, 0, COOKIE, Match.any()));
        for (long egress : new long[] {3, 0x8000, 0x8004, 0x8001}) {
            flows.add(Flow.of(20, 100, COOKIE, Match.builder().tunMetadata0(egress, 0xffff).build(),
                    Action.pushVlan(), Action.setVlanVid(100), Action.output(1)));
        }
        flows.add(Flow.of(20, 0, COOKIE, Match.any()));
        return flows;
    }

    private Set<String> ofctlFlows() {
        return new HashSet<>(host.dumpFlows("br-int"));
    }

    private OpenFlowClient connect() {
        Path socket = host.rundir().resolve("br-int.mgmt");
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            // the socket appears once vswitchd has configured the bridge; a restart takes a moment
            if (Files.exists(socket)) {
                try {
                    return OpenFlowClient.connect(OpenFlowEndpoint.unix(socket)).join();
                } catch (CompletionException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                }
            } else if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + socket + " within " + DEADLINE);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
