package org.ovnl2gw.operator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ovnl2gw.testbed.Eventually.eventually;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.Main;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.operator.l2gateway.L2GatewaySettings;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.kube.EmbeddedKubeApi;

/**
 * L2Gateways the operator's model cannot read ({@code vlan: "abc"}), stored as an API server without schema
 * would store them: one before the operator starts (it arrives in the informer's first list) and one while it
 * runs (it arrives as a watch event). Neither stops the operator: both are reported as invalid specs with the
 * field named, and valid gateways created before and after them become Ready.
 */
class UnreadableGatewayIT {
    private static final ResourceDefinitionContext GATEWAYS = new ResourceDefinitionContext.Builder()
            .withGroup(L2Gateway.GROUP).withVersion(L2Gateway.VERSION).withPlural("l2gateways")
            .withKind("L2Gateway").withNamespaced(false).build();

    private static Testbed testbed;
    private static OvnCentral central;
    private static Main.NodeAgent agent;
    private static EmbeddedKubeApi api;
    private static OperatorUnderTest operator;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        testbed = Testbed.create("unreadableit");
        try {
            SeedTopology topology = SeedTopology.build(testbed, List.of("gw1"), true);
            central = topology.central();
            central.nbctl("ls-add", "lsw2");
            agent = L2GatewayIT.startAgent(topology.gateway("gw1"));
            eventually("gw1 registered", () -> central.sbFind("Chassis", "name").contains("gw1"));
            api = EmbeddedKubeApi.start(0);
            api.applyCrds(Path.of("..", "crds"));
            client = api.client();
            Gateways.createNode(client, "gw1", topology.encapIp("gw1")); // the chassis is tied to its Node
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        if (api != null) {
            api.close();
        }
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    @Test
    void unreadableGatewaysAreReportedAndTheOthersStillReconcile() throws Exception {
        storeWithoutSchema("bad-before-start");
        operator = OperatorUnderTest.start(api, central.nbRemote(), central.sbRemote(), L2GatewaySettings.defaults());
        Gateways.create(client, "good-first", SeedTopology.SWITCH, SeedTopology.NETWORK, null, null);
        Gateways.awaitReady(client, "good-first");

        storeWithoutSchema("bad-while-running");
        Gateways.create(client, "good-after", "lsw2", SeedTopology.NETWORK, 7, null);
        Gateways.awaitReady(client, "good-after");

        for (String bad : List.of("bad-before-start", "bad-while-running")) {
            eventually(bad + " is refused as an invalid spec naming spec.vlan (now " + accepted(bad) + ")",
                    () -> accepted(bad).filter(c -> "False".equals(c.get("status"))
                            && "InvalidSpec".equals(c.get("reason"))
                            && String.valueOf(c.get("message")).startsWith("spec.vlan: cannot read \"abc\"")).isPresent());
            eventually("a Warning Event names " + bad, () -> client.v1().events().inNamespace("default")
                    .list().getItems().stream().anyMatch(e -> e.getInvolvedObject().getName().equals(bad)
                            && "InvalidSpec".equals(e.getReason()) && "Warning".equals(e.getType())));
        }
        assertEquals(List.of(), central.nbFind("Logical_Switch_Port", "name", "name=l2gw-bad-while-running"),
                "nothing is written for an unreadable gateway");
        // and it still reconciles: a third valid gateway after both
        Gateways.create(client, "good-last", "lsw2", SeedTopology.NETWORK, 8, null);
        Gateways.awaitReady(client, "good-last");
    }

    /**
     * POSTs the object as JSON text, so no client model stands between it and the store: first as a cluster
     * would see it (refused by the CRD schema), then past the schema.
     */
    private static void storeWithoutSchema(String name) throws Exception {
        String body = """
                {"apiVersion":"l2gw.ovn.org/v1alpha1","kind":"L2Gateway","metadata":{"name":"%s"},
                 "spec":{"logicalSwitch":"lsw2","networkName":"physnet1","vlan":"abc"}}""".formatted(name);
        assertEquals(422, post(body, false).statusCode(), "the schema refuses it");
        HttpResponse<String> response = post(body, true);
        assertEquals(201, response.statusCode(), response.body());
    }

    private static HttpResponse<String> post(String body, boolean skipSchema) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .uri(URI.create(api.url() + "/apis/l2gw.ovn.org/v1alpha1/l2gateways"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (skipSchema) {
            request.header(EmbeddedKubeApi.SKIP_SCHEMA_HEADER, "true");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> accepted(String name) {
        GenericKubernetesResource raw = client.genericKubernetesResources(GATEWAYS).withName(name).get();
        if (raw == null || !(raw.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
            return Optional.empty();
        }
        Object conditions = status.get("conditions");
        if (!(conditions instanceof List<?> list)) {
            return Optional.empty();
        }
        return list.stream().map(c -> (Map<String, Object>) c).filter(c -> "Accepted".equals(c.get("type")))
                .findFirst();
    }
}
