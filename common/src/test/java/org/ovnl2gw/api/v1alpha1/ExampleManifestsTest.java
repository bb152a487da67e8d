package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples users copy from must parse into the model and pass validation. */
class ExampleManifestsTest {

    private static final Path EXAMPLES = RepositoryPaths.root().resolve("manifests/examples");

    private static <T> T load(String file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve(file))) {
            return Serialization.unmarshal(in, type);
        }
    }

    @Test
    void l2GatewayExampleIsValid() throws IOException {
        L2Gateway gateway = load("l2gateway-physnet1.yaml", L2Gateway.class);
        assertEquals(List.of(), gateway.getSpec().validate());
        assertEquals("physnet1", gateway.getSpec().networkName());
    }

    @Test
    void bridgeMappingExampleIsValidAndProvidesTheGatewaysNetwork() throws IOException {
        BridgeMapping mapping = load("bridgemapping-physnet1.yaml", BridgeMapping.class);
        assertEquals(List.of(), mapping.getSpec().validate());
        L2Gateway gateway = load("l2gateway-physnet1.yaml", L2Gateway.class);
        assertEquals(List.of(gateway.getSpec().networkName()),
                mapping.getSpec().mappings().stream().map(NetworkMapping::networkName).toList());
    }
}
