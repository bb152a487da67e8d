package org.ovnl2gw.operator.e2e;

import static org.ovnl2gw.testbed.Eventually.eventually;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.GatewayNodes;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;
import org.ovnl2gw.testbed.Eventually;

/** What the e2e tests do with L2Gateways through the Kubernetes API, and the polling they wait with. */
final class Gateways {

    private Gateways() {
    }

    static L2Gateway create(KubernetesClient client, String name, String logicalSwitch, String network, Integer vlan,
                            GatewayNodes nodes) {
        return client.resources(L2Gateway.class).resource(new L2Gateway(name,
                new L2GatewaySpec(logicalSwitch, network, vlan, nodes))).create();
    }

    /**
     * The Node a gateway chassis is tied to (ChassisIdentityCheck): named as the chassis, with the chassis's
     * encap IP among its status.addresses, as kubelet would report them.
     */
    static void createNode(KubernetesClient client, String name, String internalIp) {
        client.nodes().resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("kubernetes.io/hostname", name).endMetadata()
                .withNewStatus().addNewAddress().withType("InternalIP").withAddress(internalIp).endAddress()
                .addNewAddress().withType("Hostname").withAddress(name).endAddress().endStatus().build()).create();
    }

    static GatewayNodes preferring(String... nodes) {
        return new GatewayNodes(null, List.of(nodes));
    }

    static GatewayNodes selecting(Map<String, String> labels) {
        LabelSelector selector = new LabelSelector();
        selector.setMatchLabels(labels);
        return new GatewayNodes(selector, List.of());
    }

    static Optional<L2Gateway> get(KubernetesClient client, String name) {
        return Optional.ofNullable(client.resources(L2Gateway.class).withName(name).get());
    }

    static Optional<Condition> condition(KubernetesClient client, String name, String type) {
        return get(client, name).filter(g -> g.getStatus() != null)
                .flatMap(g -> Conditions.find(g.getStatus().conditions(), type));
    }

    /** Waits until the gateway's condition satisfies {@code test}; returns the resource then. */
    static L2Gateway awaitCondition(KubernetesClient client, String name, String type, Predicate<Condition> test)
            throws InterruptedException {
        eventually(Eventually.CONVERGENCE, () -> name + " has a " + type + " condition as expected (now "
                        + condition(client, name, type) + ")",
                () -> condition(client, name, type).filter(test).isPresent());
        return get(client, name).orElseThrow();
    }

    /** Events about an L2Gateway, "type reason message" each. */
    static List<String> eventsAbout(KubernetesClient client, String name) {
        return client.v1().events().inAnyNamespace().list().getItems().stream()
                .filter(e -> "L2Gateway".equals(e.getInvolvedObject().getKind())
                        && name.equals(e.getInvolvedObject().getName()))
                .map(e -> e.getType() + " " + e.getReason() + " " + e.getMessage()).toList();
    }

    static L2Gateway awaitReady(KubernetesClient client, String name) throws InterruptedException {
        return awaitCondition(client, name, ConditionTypes.READY, Condition::isTrue);
    }

    static L2Gateway awaitReason(KubernetesClient client, String name, String type, String reason)
            throws InterruptedException {
        return awaitCondition(client, name, type, c -> c.reason().equals(reason));
    }
}
