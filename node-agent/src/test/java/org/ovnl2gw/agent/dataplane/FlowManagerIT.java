package org.ovnl2gw.agent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.openflow.Action;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.agent.openflow.Match;
import org.ovnl2gw.testbed.Eventually;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.Testbed;

/**
 * FlowManager on its own against a real ovs-vswitchd: the Geneve map before any flow, only differences sent,
 * other cookies untouched, staged changes in effect only once committed, and what it remembers checked against the switch: a flow deleted behind its back is
 * back at the first sync after {@link FlowManager#CHECK_INTERVAL}, and a restarted switch is programmed anew.
 */
class FlowManagerIT {
    private static final long COOKIE = GatewayTables.COOKIE_OWNER | 0x10001;

    private Testbed testbed;
    private OvsHost host;
    private FlowManager flows;

    @BeforeEach
    void startSwitch() {
        testbed = Testbed.create("flowmgr");
        host = testbed.addHost("gw", OvsHost.DummyMode.OVERRIDE);
        host.vsctl("add-br", "br-int", "--", "set-fail-mode", "br-int", "secure",
                "--", "add-port", "br-int", "p1", "--", "set", "Interface", "p1", "type=dummy", "ofport_request=1",
                "--", "add-port", "br-int", "p2", "--", "set", "Interface", "p2", "type=dummy", "ofport_request=2");
        flows = new FlowManager(host.rundir(), "br-int");
    }

    @AfterEach
    void stop() {
        if (flows != null) {
            flows.close();
        }
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void preparesTheGeneveMapBeforeAnyFlow() throws Exception {
        assertFalse(geneveMapped());
        flows.prepare();
        assertTrue(flows.prepared());
        assertTrue(geneveMapped(), host.ofctl("dump-tlv-map", "br-int"));
        assertEquals(Set.of(), ours());
    }

    @Test
    void sendsOnlyDifferencesAndLeavesOtherCookiesAlone() throws Exception {
        host.ofctl("add-flow", "br-int", "cookie=0x1234,table=30,priority=5,actions=drop");
        assertEquals(3, flows.sync(desired()).added());
        assertEquals(3, ours().size());
        FlowManager.SyncResult again = flows.sync(desired());
        assertFalse(again.changedSomething(), "a sync with nothing new sends nothing");
        Set<Flow> fewer = new HashSet<>(desired());
        fewer.remove(forward(2, 1));
        FlowManager.SyncResult removed = flows.sync(fewer);
        assertEquals(0, removed.added());
        assertEquals(1, removed.deleted());
        assertEquals(2, ours().size());
        assertTrue(host.dumpFlows("br-int").stream().anyMatch(f -> f.contains("cookie=0x1234")),
                "a flow of another cookie is never touched");
    }

    @Test
    void stagedFlowsTakeEffectOnlyWhenCommittedAndNoneOfThemWhenDiscarded() throws Exception {
        FlowManager.StagedSync staged = flows.stage(desired(), Set.of(), 0);
        host.ofctl("dump-flows", "br-int"); // time for the switch to read the bundle (in effect or not, it must not be)
        assertEquals(Set.of(), ours(), "staged flows are not in effect");
        assertEquals(3, staged.commit().added());
        assertEquals(3, ours().size());

        Set<Flow> fewer = new HashSet<>(desired());
        fewer.remove(forward(2, 1));
        flows.stage(fewer, Set.of(), 0).discard();
        assertEquals(3, ours().size(), "a discarded change leaves the switch as it was");
        assertFalse(flows.sync(desired()).changedSomething(), "and what is remembered is what the switch has");
        assertEquals(1, flows.sync(fewer).deleted());
        assertEquals(2, ours().size());
    }

    @Test
    void restoresAFlowDeletedBehindItsBackAtTheNextCheck() throws Exception {
        flows.sync(desired());
        Eventually.eventually("a check is due", flows::checkDue);
        assertFalse(flows.check(), "the switch counts what was installed: nothing to do, nothing dumped");
        assertFalse(flows.checkDue(), "the next check waits its interval");
        host.ofctl("del-flows", "br-int", "cookie=" + Long.toUnsignedString(COOKIE) + "/-1,table=0,in_port=1");
        assertEquals(2, ours().size());
        // remembered, not dumped, until the check is due: the tick asks for a sync when the count differs
        Eventually.eventually("a check is due", flows::checkDue);
        assertTrue(flows.check(), "the switch counts one flow fewer than were installed");
        assertTrue(flows.dumpDue(), "the next sync compares with a dump");
        assertEquals(1, flows.sync(desired()).added(), "the deleted flow is put back");
        assertEquals(3, ours().size());
        assertFalse(flows.check(), "equal again");
    }

    @Test
    void aFlowAddedBehindItsBackWithOurCookieIsRemovedAtTheNextCheck() throws Exception {
        flows.sync(desired());
        host.ofctl("add-flow", "br-int", "cookie=" + Long.toUnsignedString(COOKIE) + ",table=0,priority=7,actions=drop");
        Eventually.eventually("a check is due", flows::checkDue);
        assertTrue(flows.check(), "the switch counts one flow more than were installed");
        assertEquals(1, flows.sync(desired()).deleted(), "the stray flow is deleted");
        assertEquals(3, ours().size());
    }

    @Test
    void programsARestartedSwitchAnew() throws Exception {
        flows.sync(desired());
        host.restartVswitchd();
        // the first sync after the restart may find the old connection dead: it fails, and the next reconnects
        Eventually.eventually("the restarted switch takes our flows", () -> {
            try {
                flows.sync(desired());
                return ours().size() == 3;
            } catch (FlowManager.FlowSyncException e) {
                return false;
            }
        });
        assertTrue(flows.prepared());
        assertTrue(geneveMapped(), host.ofctl("dump-tlv-map", "br-int"));
    }

    /** OVN's Geneve option (class 0x102, type 0x80, 4 bytes) in the switch's TLV map, as ovs-ofctl prints it. */
    private boolean geneveMapped() {
        return java.util.regex.Pattern.compile("0x102\\s+0x80\\s+4\\s+tun_metadata")
                .matcher(host.ofctl("dump-tlv-map", "br-int")).find();
    }

    private Set<String> ours() {
        Set<String> installed = new HashSet<>();
        for (String flow : host.dumpFlows("br-int")) {
            if (flow.contains("cookie=0x6c326777")) {
                installed.add(flow);
            }
        }
        return installed;
    }

    private static Set<Flow> desired() {
        return Set.of(forward(1, 2), forward(2, 1), Flow.of(0, 0, COOKIE, Match.any()));
    }

    private static Flow forward(long in, long out) {
        return Flow.of(0, 100, COOKIE, Match.builder().inPort(in).build(), Action.output(out));
    }
}
