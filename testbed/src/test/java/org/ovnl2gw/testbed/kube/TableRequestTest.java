package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.testbed.kube.TableRequest.IncludeObject;

class TableRequestTest {
    private static final String KUBECTL_GET = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    @Test
    void kubectlGetAsksForAV1TableWithMetadataRows() {
        assertEquals(Optional.of(new TableRequest("v1", IncludeObject.METADATA)),
                TableRequest.of(KUBECTL_GET, "limit=500"));
        assertEquals("meta.k8s.io/v1", TableRequest.of(KUBECTL_GET, null).orElseThrow().apiVersion());
    }

    @Test
    void sortByAsksForWholeObjectsAndNoneDropsThem() {
        assertEquals(IncludeObject.OBJECT, TableRequest.of(KUBECTL_GET, "includeObject=Object").orElseThrow()
                .includeObject());
        assertEquals(IncludeObject.NONE, TableRequest.of(KUBECTL_GET, "limit=500&includeObject=None").orElseThrow()
                .includeObject());
        assertEquals(IncludeObject.METADATA, TableRequest.of(KUBECTL_GET, "includeObject=Metadata").orElseThrow()
                .includeObject());
    }

    @Test
    void theFirstTableTheClientListsWinsWhateverTheSpacingAndParameterOrder() {
        assertEquals("v1beta1", TableRequest.of(
                "application/json; g=meta.k8s.io; v=v1beta1; as=Table, application/json;as=Table;v=v1;g=meta.k8s.io",
                null).orElseThrow().tableVersion());
        assertEquals("v1", TableRequest.of(
                "application/json;as=Table;v=v2;g=meta.k8s.io, application/json;as=Table;v=v1;g=meta.k8s.io;q=0.9",
                null).orElseThrow().tableVersion());
    }

    @Test
    void plainJsonYamlOtherAsKindsAndNoHeaderAreNotTableRequests() {
        assertEquals(Optional.empty(), TableRequest.of(null, null));
        assertEquals(Optional.empty(), TableRequest.of("application/json", null));
        assertEquals(Optional.empty(), TableRequest.of("application/json, */*", null));
        assertEquals(Optional.empty(), TableRequest.of("application/yaml;as=Table;v=v1;g=meta.k8s.io", null));
        assertEquals(Optional.empty(), TableRequest.of(
                "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json", null));
        assertEquals(Optional.empty(), TableRequest.of("application/json;as=Table;v=v1;g=example.com", null));
    }
}
