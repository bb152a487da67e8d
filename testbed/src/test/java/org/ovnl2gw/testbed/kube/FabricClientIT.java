package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded API as the operator sees it: fabric8 clients, status updates, leases, informers. */
class FabricClientIT {
    private static final ResourceDefinitionContext L2GATEWAYS = new ResourceDefinitionContext.Builder()
            .withGroup("l2gw.ovn.org")
            .withVersion("v1alpha1")
            .withKind("L2Gateway")
            .withPlural("l2gateways")
            .withNamespaced(false)
            .build();

    @TempDir
    Path dir;

    private EmbeddedKubeApi api;

    @BeforeEach
    void start() {
        api = EmbeddedKubeApi.start(0);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void applyCrdsCreatesEveryCrdAndIsRepeatable() {
        List<String> applied = api.applyCrds(TestCrds.crdsDir());

        assertEquals(List.of("bridgemappings.l2gw.ovn.org", "l2gateways.l2gw.ovn.org"), applied);
        assertEquals(applied, api.applyCrds(TestCrds.crdsDir()));
        assertEquals(2, api.client().apiextensions().v1().customResourceDefinitions().list().getItems().size());
    }

    @Test
    void statusUpdateChangesOnlyStatus() {
        api.applyCrds(TestCrds.crdsDir());
        var gateways = api.client().genericKubernetesResources(L2GATEWAYS);
        gateways.resource(gateway("gw1", "physnet1")).create();

        GenericKubernetesResource withStatus = gateways.withName("gw1").get();
        withStatus.setAdditionalProperty("status", Map.of("chassis", "node-a"));
        withStatus.setAdditionalProperty("spec", Map.of("network", "changed-through-status"));
        gateways.resource(withStatus).updateStatus();

        GenericKubernetesResource stored = gateways.withName("gw1").get();
        assertEquals(Map.of("chassis", "node-a"), stored.getAdditionalProperties().get("status"));
        assertEquals(Map.of("network", "physnet1"), stored.getAdditionalProperties().get("spec"));
        assertEquals(1L, stored.getMetadata().getGeneration());
    }

    @Test
    void staleWriteIsRefused() {
        api.applyCrds(TestCrds.crdsDir());
        var gateways = api.client().genericKubernetesResources(L2GATEWAYS);
        GenericKubernetesResource created = gateways.resource(gateway("gw1", "physnet1")).create();
        gateways.resource(gateway("gw1", "physnet2")).update();

        created.setAdditionalProperty("spec", Map.of("network", "physnet3"));
        KubernetesClientException conflict =
                assertThrows(KubernetesClientException.class, () -> gateways.resource(created).update());
        assertEquals(409, conflict.getCode());
    }

    @Test
    void leaseCanBeCreatedAndRenewed() {
        var leases = api.client().leases().inNamespace("default");
        leases.resource(new LeaseBuilder()
                .withNewMetadata().withName("l2gw-operator").endMetadata()
                .withNewSpec().withHolderIdentity("pod-a").withLeaseDurationSeconds(15).endSpec()
                .build()).create();

        Lease lease = leases.withName("l2gw-operator").get();
        lease.getSpec().setHolderIdentity("pod-b");
        leases.resource(lease).update();

        assertEquals("pod-b", leases.withName("l2gw-operator").get().getSpec().getHolderIdentity());
    }

    @Test
    void informerSeesAnAddedResource() throws InterruptedException {
        api.applyCrds(TestCrds.crdsDir());
        BlockingQueue<String> added = new LinkedBlockingQueue<>();
        try (SharedIndexInformer<GenericKubernetesResource> informer =
                api.client().genericKubernetesResources(L2GATEWAYS).inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource obj) {
                        added.add(obj.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
                    }
                })) {
            api.client().genericKubernetesResources(L2GATEWAYS).resource(gateway("gw-watched", "physnet1")).create();

            // generous deadline for convergence, not a speed assertion
            assertEquals("gw-watched", added.poll(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void kubeconfigWorksForFabric8() throws Exception {
        Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));
        io.fabric8.kubernetes.client.Config config =
                io.fabric8.kubernetes.client.Config.fromKubeconfig(java.nio.file.Files.readString(kubeconfig));
        try (KubernetesClient fromFile = new KubernetesClientBuilder().withConfig(config).build()) {
            assertEquals("32", fromFile.getKubernetesVersion().getMinor());
            assertTrue(fromFile.namespaces().withName("default").get() != null);
        }
    }

    @Test
    void requestsAreCounted() {
        // the server keeps no request log (MockWebServer kept every request until drained)
        for (int i = 0; i < 50; i++) {
            api.client().namespaces().list();
        }
        assertTrue(api.requestCount() >= 50);
    }

    private static GenericKubernetesResource gateway(String name, String network) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("l2gw.ovn.org/v1alpha1")
                .withKind("L2Gateway")
                .withNewMetadata().withName(name).endMetadata()
                .addToAdditionalProperties("spec", Map.of("network", network))
                .build();
    }
}
