package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.FrameProbe.Vif;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.SouthboundRbac;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;

/**
 * The agent as production OVN runs a chassis: gw1 connects to the Southbound over {@code ssl:} with an
 * ovs-pki certificate whose CN is gw1 (its key in PKCS#1, as older ovs-pki writes it), through a Connection
 * with {@code role=ovn-controller}, against real ovn-northd's RBAC rows. Through registration, claims,
 * heartbeats, a bridge-mapping change, an encap-IP change, the release of a moved port and the withdrawal,
 * the server refuses nothing (its jsonrpc debug log), every write the agent sent stays within the
 * permissions read from the running server's RBAC_Permission table, and traffic crosses the gateway.
 */
class SouthboundRbacIT {
    private static final String NEW_ENCAP_IP = "192.168.0.13";

    private Testbed testbed;
    private Main.NodeAgent agent;

    @BeforeEach
    void start() {
        testbed = Testbed.create("rbac");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    @Test
    void everyAgentWriteIsAllowedToAChassis() throws Exception {
        SouthboundRbac rbac = SouthboundRbac.prepare(testbed.baseDir());
        OvnCentral central = testbed.startCentral(rbac.serverArgs());
        rbac.open(central);
        Map<String, SouthboundRbac.TablePermission> permissions = rbac.permissions();
        System.out.println("RBAC_Permission for role ovn-controller, as the running Southbound has it:");
        permissions.values().forEach(p -> System.out.println("  " + p));
        assertTrue(permissions.containsKey("Chassis") && permissions.containsKey("Port_Binding"), permissions.toString());

        SeedTopology topology = SeedTopology.build(testbed, List.of("gw1"), true);
        OvsHost gw = topology.gateway("gw1");
        SouthboundRbac.Certificate cert = rbac.issue("gw1");
        Path pkcs1 = cert.privateKey().resolveSibling("gw1-privkey-pkcs1.pem");
        gw.run("openssl", "rsa", "-in", cert.privateKey().toString(), "-traditional", "-out", pkcs1.toString());
        Files.setPosixFilePermissions(pkcs1, PosixFilePermissions.fromString("rw-------"));
        assertTrue(Files.readString(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        agent = GatewayHarness.startAgent(gw, "--ovn-sb-db", rbac.remote(), "--ssl-key", pkcs1.toString(),
                "--ssl-cert", cert.certificate().toString(), "--ssl-ca", cert.caCertificate().toString(),
                "--withdraw-on-exit");

        // registration and the first claim
        topology.addGatewayPortByHand("lp-gw", "gw1");
        eventually("gw1 registered over ssl", () -> central.sbFind("Chassis", "name", "name=gw1").equals(List.of("gw1")));
        eventually("lp-gw is up", () -> central.sbFind("Port_Binding", "up", "logical_port=lp-gw").equals(List.of("true")));
        central.nbctl("--wait=hv", "sync");
        matrix(topology, "after registration");

        // heartbeats advance
        String beat = heartbeat(central);
        eventually("the heartbeat advances", () -> !heartbeat(central).equals(beat));

        // a bridge-mapping change: a second network on a new bridge
        gw.vsctl("add-br", "br-extra");
        gw.vsctl("set", "Open_vSwitch", ".", "external-ids:ovn-bridge-mappings=physnet1:br-phys2,physnet9:br-extra");
        eventually("gw1 publishes the new mapping", () -> central.sbctl("get", "Chassis", "gw1",
                "other_config:ovn-bridge-mappings").contains("physnet9:br-extra"));
        assertCrosses(topology, "after the bridge-mapping change");

        // a port on the new network is claimed, then moved away and released
        central.nbctl("ls-add", "lsw-move");
        central.nbctl("lsp-add", "lsw-move", "lp-move", "--", "lsp-set-type", "lp-move", "l2gateway",
                "--", "lsp-set-addresses", "lp-move", "unknown",
                "--", "lsp-set-options", "lp-move", "network_name=physnet9", "l2gateway-chassis=gw1");
        eventually("lp-move is claimed", () -> central.sbFind("Port_Binding", "up", "logical_port=lp-move").equals(List.of("true")));
        central.nbctl("lsp-set-options", "lp-move", "network_name=physnet9", "l2gateway-chassis=gw-elsewhere");
        eventually("lp-move is released", () -> central.sbFind("Port_Binding", "chassis", "logical_port=lp-move").isEmpty()
                && central.sbFind("Port_Binding", "up", "logical_port=lp-move").equals(List.of("false")));
        assertCrosses(topology, "after the release of a moved port");

        // the tunnel endpoint is renumbered
        testbed.moveTransportAddress(gw, SeedTopology.TRANSPORT_BRIDGE, NEW_ENCAP_IP);
        gw.vsctl("set", "Open_vSwitch", ".", "external-ids:ovn-encap-ip=" + NEW_ENCAP_IP);
        eventually("gw1's Encap has the new address", () -> central.sbFind("Encap", "ip", "chassis_name=gw1")
                .equals(List.of(NEW_ENCAP_IP)));
        central.nbctl("--wait=hv", "sync");
        eventually("traffic crosses after the encap change", () -> crossesBothWays(topology));
        matrix(topology, "after the encap-IP change");
        String beatAfter = heartbeat(central);
        eventually("the heartbeat still advances", () -> !heartbeat(central).equals(beatAfter));

        // withdrawal
        agent.close();
        agent = null;
        assertEquals(List.of(), central.sbFind("Chassis", "name", "name=gw1"), "Chassis withdrawn");
        assertEquals(List.of(), central.sbFind("Chassis_Private", "name", "name=gw1"), "Chassis_Private withdrawn");
        assertEquals(List.of(), central.sbFind("Port_Binding", "chassis", "logical_port=lp-gw"), "lp-gw released");

        List<SouthboundRbac.Transaction> sent = rbac.transactions();
        Map<String, Integer> kinds = kinds(sent);
        System.out.println("gw1 sent " + sent.size() + " transactions over the ssl remote; operations: " + kinds);
        System.out.println("RBAC denials in the Southbound log: " + rbac.denials());
        assertEquals(0, rbac.denials(), "RBAC denials:\n" + String.join("\n", rbac.denialLines()));
        assertEquals(List.of(), violations(sent, permissions), "writes the RBAC rows do not allow");
        for (String expected : List.of("insert Chassis", "insert Encap", "insert Chassis_Private", "update Chassis",
                "update Chassis_Private", "update Port_Binding", "delete Chassis", "delete Chassis_Private")) {
            assertTrue(kinds.containsKey(expected), "the agent sent '" + expected + "' over the RBAC remote: " + kinds);
        }

        // the counter and the checker see a refusal: the write the agent used to send (hostname) refused once
        String forbidden = "[\"OVN_Southbound\",{\"op\":\"insert\",\"table\":\"Chassis\",\"row\":{\"name\":\"gw1\","
                + "\"hostname\":\"gw1\"},\"uuid-name\":\"c\"},{\"op\":\"update\",\"table\":\"Chassis\",\"where\":"
                + "[[\"name\",\"==\",\"gw1\"]],\"row\":{\"hostname\":\"other\"}}]";
        gw.env().tryRun(List.of("ovsdb-client", "--private-key=" + pkcs1, "--certificate=" + cert.certificate(),
                "--ca-cert=" + cert.caCertificate(), "transact", rbac.remote(), forbidden));
        eventually("the refusal is logged", () -> rbac.denials() == 1);
        List<SouthboundRbac.Transaction> all = rbac.transactions();
        assertEquals(List.of("update Chassis [hostname]"), violations(all.subList(sent.size(), all.size()), permissions));
    }

    /** Every insert/delete into a table without insert_delete, every update/mutate of a column not in update. */
    private static List<String> violations(List<SouthboundRbac.Transaction> transactions,
                                           Map<String, SouthboundRbac.TablePermission> permissions) {
        List<String> found = new ArrayList<>();
        for (SouthboundRbac.Transaction t : transactions) {
            for (JsonNode op : t.operations()) {
                String kind = op.path("op").asText();
                String table = op.path("table").asText();
                SouthboundRbac.TablePermission p = permissions.get(table);
                switch (kind) {
                    case "insert", "delete" -> {
                        if (p == null || !p.insertDelete()) {
                            found.add(kind + " " + table);
                        }
                    }
                    case "update", "mutate" -> {
                        List<String> columns = new ArrayList<>();
                        if (kind.equals("update")) {
                            op.path("row").fieldNames().forEachRemaining(columns::add);
                        } else {
                            op.path("mutations").forEach(m -> columns.add(m.get(0).asText()));
                        }
                        List<String> denied = columns.stream().filter(c -> p == null || !p.update().contains(c)).toList();
                        if (!denied.isEmpty()) {
                            found.add(kind + " " + table + " " + denied);
                        }
                    }
                    default -> {
                        // select, wait, comment, assert: reads and no-ops, allowed
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, Integer> kinds(List<SouthboundRbac.Transaction> transactions) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (SouthboundRbac.Transaction t : transactions) {
            for (Iterator<JsonNode> it = t.operations().elements(); it.hasNext(); ) {
                JsonNode op = it.next();
                if (op.has("table")) {
                    kinds.merge(op.get("op").asText() + " " + op.get("table").asText(), 1, Integer::sum);
                }
            }
        }
        return kinds;
    }

    private static String heartbeat(OvnCentral central) {
        return central.sbctl("get", "Chassis_Private", "gw1", "external_ids:ovn-l2gw-heartbeat").strip();
    }

    private static void matrix(SeedTopology topology, String when) {
        List<TrafficMatrix.CaseResult> results = new TrafficMatrix(topology).run(0);
        System.out.print("traffic matrix " + when + ":\n" + TrafficMatrix.table(results));
        assertTrue(TrafficMatrix.allPassed(results), when + ":\n" + TrafficMatrix.table(results));
    }

    private static void assertCrosses(SeedTopology topology, String when) {
        eventually("traffic crosses " + when, () -> crossesBothWays(topology));
    }

    private static boolean crossesBothWays(SeedTopology topology) {
        Vif vif1 = new Vif(topology.hypervisor(1), "vif1");
        Vif vif3 = new Vif(topology.hypervisor(3), "vif3");
        return FrameProbe.crosses(vif3, "f00000000001f00000000003" + "0803", vif1)
                && FrameProbe.crosses(vif1, "f00000000003f00000000001" + "0801", vif3);
    }

}
