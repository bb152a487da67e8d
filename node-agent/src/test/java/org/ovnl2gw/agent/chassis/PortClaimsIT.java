package org.ovnl2gw.agent.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.dataplane.GatewayRoles.Role;
import org.ovnl2gw.agent.dataplane.SouthboundReader;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.testbed.Eventually;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.Testbed;

/**
 * PortClaims on its own against a real Southbound ovsdb-server and ovn-northd, two chassis with a session each:
 * two claims made from the same view race and exactly one wins (the compare-and-set), the loser is told so; a
 * release by a chassis the binding does not name changes nothing; the holder's release clears the binding.
 */
class PortClaimsIT {
    private Testbed testbed;
    private OvnCentral central;
    private OvsdbSession sb1;
    private OvsdbSession sb2;

    @BeforeEach
    void start() throws Exception {
        testbed = Testbed.create("claims");
        central = testbed.startCentral();
        central.nbctl("ls-add", "ls1", "--", "lsp-add", "ls1", "lp-gw", "--", "lsp-set-type", "lp-gw", "l2gateway",
                "--", "lsp-set-options", "lp-gw", "network_name=physnet1");
        sb1 = session();
        sb2 = session();
        register(sb1, "gw1", "192.0.2.1");
        register(sb2, "gw2", "192.0.2.2");
        for (OvsdbSession sb : List.of(sb1, sb2)) {
            Eventually.eventually("both chassis and the binding are in the cache",
                    () -> sb.cache().table("Chassis").findOne("name", "gw2").isPresent()
                            && sb.cache().table("Chassis").findOne("name", "gw1").isPresent()
                            && !sb.cache().table("Port_Binding").findBy("type", "l2gateway").isEmpty());
        }
    }

    @AfterEach
    void stop() {
        for (OvsdbSession sb : new OvsdbSession[] {sb1, sb2}) {
            if (sb != null) {
                sb.close();
            }
        }
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void ofTwoClaimsFromTheSameViewExactlyOneWins() throws Exception {
        // Both transactions are built from caches that show the port unbound, before either commits: the
        // Southbound server is stalled while they are sent. (Unstalled, the first could commit and reach sb2's
        // cache before the second is built; the second would then be a takeover from gw1, a different case.)
        CompletableFuture<PortClaims.Outcome> first;
        CompletableFuture<PortClaims.Outcome> second;
        central.sb().daemon().pause();
        try {
            first = new PortClaims(sb1).reconcile("gw1", Map.of("lp-gw", Role.CLAIM));
            second = new PortClaims(sb2).reconcile("gw2", Map.of("lp-gw", Role.CLAIM));
        } finally {
            central.sb().daemon().resume();
        }
        PortClaims.Outcome one = first.get(10, TimeUnit.SECONDS);
        PortClaims.Outcome two = second.get(10, TimeUnit.SECONDS);
        assertEquals(1, one.claimed().size() + two.claimed().size(), one + " / " + two);
        assertEquals(1, one.lost().size() + two.lost().size(), one + " / " + two);
        String winner = one.claimed().isEmpty() ? "gw2" : "gw1";
        assertEquals(List.of(winner), boundTo());

        String loser = winner.equals("gw1") ? "gw2" : "gw1";
        OvsdbSession loserSession = loser.equals("gw1") ? sb1 : sb2;
        Eventually.eventually("the loser sees the winner's binding", () -> loserSession.cache()
                .table("Port_Binding").findBy("type", "l2gateway").stream()
                .allMatch(pb -> pb.getOptionalUuid("chassis").isPresent()));
        new PortClaims(loserSession).reconcile(loser, Map.of("lp-gw", Role.RELEASE)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(winner), boundTo(), "a release by a chassis the binding does not name changes nothing");

        OvsdbSession winnerSession = winner.equals("gw1") ? sb1 : sb2;
        PortClaims.Outcome released = new PortClaims(winnerSession).reconcile(winner, Map.of("lp-gw", Role.RELEASE))
                .get(10, TimeUnit.SECONDS);
        assertEquals(Set.of("lp-gw"), released.released());
        Eventually.eventually("the binding is cleared", () -> central.sbFind("Port_Binding", "chassis",
                "logical_port=lp-gw").isEmpty());
        assertEquals(List.of("false"), central.sbFind("Port_Binding", "up", "logical_port=lp-gw"));
    }

    private List<String> boundTo() {
        String uuid = central.sbFind("Port_Binding", "chassis", "logical_port=lp-gw").get(0);
        return List.of(central.sbctl("--bare", "get", "Chassis", uuid, "name").trim());
    }

    private OvsdbSession session() throws InterruptedException {
        OvsdbSession sb = OvsdbSession.builder(OvsdbRemote.parse(central.sbRemote()), "OVN_Southbound")
                .monitor(SouthboundReader.monitorSpec()).start();
        if (!sb.awaitConnected(Duration.ofSeconds(30))) {
            throw new AssertionError("no Southbound session");
        }
        return sb;
    }

    private static void register(OvsdbSession sb, String name, String ip) throws Exception {
        new ChassisRegistrar(sb).ensure(new ChassisIdentity(name, name, ip, Map.of())).get(10, TimeUnit.SECONDS);
    }
}
