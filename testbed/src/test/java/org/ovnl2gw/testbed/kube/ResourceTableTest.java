package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.testbed.kube.ResourceTable.ColumnDefinition;
import org.ovnl2gw.testbed.kube.ResourceTable.Table;
import org.ovnl2gw.testbed.kube.TableRequest.IncludeObject;

class ResourceTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-01-01T01:03:12Z");
    private static final TableRequest KUBECTL = new TableRequest("v1", IncludeObject.METADATA);

    // the L2Gateway columns as the generated CRD declares them, Age first, plus a wide-only one
    private static final List<CustomResourceColumnDefinition> GATEWAY_COLUMNS = List.of(
            column("Age", "date", ".metadata.creationTimestamp", 0),
            column("Switch", "string", ".spec.logicalSwitch", 0),
            column("VLAN", "integer", ".spec.vlan", 0),
            column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", 0),
            new CustomResourceColumnDefinitionBuilder(column("Gateway Node", "string", ".status.gatewayNode", 1))
                    .withDescription("Node currently chosen as the gateway chassis.").withFormat("hostname").build());

    private static final String READY_GATEWAY = """
            {"apiVersion": "l2gw.ovn.org/v1alpha1", "kind": "L2Gateway",
             "metadata": {"name": "gw-a", "resourceVersion": "7", "creationTimestamp": "2025-01-01T01:00:00Z",
                          "labels": {"team": "net"}},
             "spec": {"logicalSwitch": "ls0", "vlan": 100},
             "status": {"gatewayNode": "node-a", "conditions": [{"type": "Ready", "status": "True"}]}}""";
    private static final String NEW_GATEWAY = """
            {"apiVersion": "l2gw.ovn.org/v1alpha1", "kind": "L2Gateway",
             "metadata": {"name": "gw-b", "creationTimestamp": "2024-12-28T21:00:00Z"},
             "spec": {"logicalSwitch": "ls1"}}""";

    @Test
    void nameComesFirstThenTheCrdColumnsInTheCrdsOrder() {
        List<ColumnDefinition> columns = ResourceTable.of(GATEWAY_COLUMNS).columnDefinitions();

        assertEquals(List.of("Name", "Age", "Switch", "VLAN", "Ready", "Gateway Node"),
                columns.stream().map(ColumnDefinition::name).toList());
        assertEquals(new ColumnDefinition("Name", "string", "name", ResourceTable.NAME_DESCRIPTION, 0),
                columns.get(0));
        assertEquals(new ColumnDefinition("VLAN", "integer", "",
                "Custom resource definition column (in JSONPath format): .spec.vlan", 0), columns.get(3));
        assertEquals(new ColumnDefinition("Gateway Node", "string", "hostname",
                "Node currently chosen as the gateway chassis.", 1), columns.get(5));
    }

    @Test
    void aListGivesOneRowPerItemWithTypedCellsAndRenderedAges() {
        Table table = ResourceTable.of(GATEWAY_COLUMNS).tableOf(
                json("{\"kind\":\"L2GatewayList\",\"metadata\":{\"resourceVersion\":\"9\",\"continue\":\"next\"},"
                        + "\"items\":[" + READY_GATEWAY + "," + NEW_GATEWAY + "]}"), KUBECTL, NOW);

        assertEquals("Table", table.kind());
        assertEquals("meta.k8s.io/v1", table.apiVersion());
        assertEquals(new ResourceTable.TableMetadata("9", "next", null), table.metadata());
        assertEquals(Arrays.asList("gw-a", "3m12s", "ls0", 100L, "True", "node-a"), table.rows().get(0).cells());
        assertEquals(Arrays.asList("gw-b", "3d4h", "ls1", null, null, null), table.rows().get(1).cells());
    }

    @Test
    void aSingleObjectGivesOneRowAndItsResourceVersion() {
        Table table = ResourceTable.of(GATEWAY_COLUMNS).tableOf(json(READY_GATEWAY), KUBECTL, NOW);

        assertEquals(1, table.rows().size());
        assertEquals("gw-a", table.rows().get(0).cells().get(0));
        assertEquals("7", table.metadata().resourceVersion());
    }

    @Test
    void anEmptyListGivesNoRowsButStillTheColumns() {
        Table table = ResourceTable.of(GATEWAY_COLUMNS).tableOf(json("{\"items\":[]}"), KUBECTL, NOW);

        assertEquals(List.of(), table.rows());
        assertEquals(6, table.columnDefinitions().size());
    }

    @Test
    void rowsCarryPartialObjectMetadataTheWholeObjectOrNothing() {
        ResourceTable gateways = ResourceTable.of(GATEWAY_COLUMNS);

        JsonNode partial = gateways.tableOf(json(READY_GATEWAY), KUBECTL, NOW).rows().get(0).object();
        assertEquals(json("{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":"
                + json(READY_GATEWAY).get("metadata") + "}"), partial);
        assertEquals("meta.k8s.io/v1beta1", gateways.tableOf(json(READY_GATEWAY),
                new TableRequest("v1beta1", IncludeObject.METADATA), NOW).rows().get(0).object().get("apiVersion").asText());
        assertEquals(json(READY_GATEWAY), gateways.tableOf(json(READY_GATEWAY),
                new TableRequest("v1", IncludeObject.OBJECT), NOW).rows().get(0).object());
        assertNull(gateways.tableOf(json(READY_GATEWAY), new TableRequest("v1", IncludeObject.NONE), NOW)
                .rows().get(0).object());
    }

    @Test
    void withoutPrinterColumnsTheTableHasNameAndAge() {
        Table table = ResourceTable.of(List.of()).tableOf(json(NEW_GATEWAY), KUBECTL, NOW);

        assertEquals(List.of("Name", "Age"), table.columnDefinitions().stream().map(ColumnDefinition::name).toList());
        assertEquals(List.of("gw-b", "3d4h"), table.rows().get(0).cells());
        assertEquals(2, ResourceTable.of(null).columnDefinitions().size());
    }

    @Test
    void cellsKeepOnlyValuesOfTheColumnType() {
        assertEquals("100", ResourceTable.cell("string", json("100"), NOW));
        assertEquals("{\"a\":1}", ResourceTable.cell("string", json("{\"a\":1}"), NOW));
        assertEquals(2L, ResourceTable.cell("integer", json("2.7"), NOW));
        assertNull(ResourceTable.cell("integer", json("\"2\""), NOW));
        assertEquals(2.5, ResourceTable.cell("number", json("2.5"), NOW));
        assertEquals(true, ResourceTable.cell("boolean", json("true"), NOW));
        assertNull(ResourceTable.cell("boolean", json("\"true\""), NOW));
        assertEquals("<invalid>", ResourceTable.cell("date", json("\"yesterday\""), NOW));
        assertEquals("0s", ResourceTable.cell("date", json("\"2025-01-01T02:03:12+01:00\""), NOW));
        assertNull(ResourceTable.cell("string", json("null"), NOW));
        assertNull(ResourceTable.cell("string", null, NOW));
    }

    @Test
    void onTheWireItIsAMetaV1Table() throws JsonProcessingException {
        Table table = ResourceTable.of(GATEWAY_COLUMNS)
                .tableOf(json(NEW_GATEWAY), new TableRequest("v1", IncludeObject.NONE), NOW);

        JsonNode wire = json(JSON.writeValueAsString(table));

        assertEquals("Table", wire.get("kind").asText());
        assertEquals("meta.k8s.io/v1", wire.get("apiVersion").asText());
        assertEquals(json("{}"), wire.get("metadata"));
        assertEquals(json("{\"name\":\"Gateway Node\",\"type\":\"string\",\"format\":\"hostname\","
                + "\"description\":\"Node currently chosen as the gateway chassis.\",\"priority\":1}"),
                wire.get("columnDefinitions").get(5));
        assertEquals(json("{\"cells\":[\"gw-b\",\"3d4h\",\"ls1\",null,null,null]}"), wire.get("rows").get(0));
    }

    @Test
    void eventsHaveKubeApiserversColumnsTheWideOnesAtPriorityOne() {
        Table table = ResourceTable.events().tableOf(json("""
                {"items": [{"metadata": {"name": "gw-a.1a24"}, "type": "Warning", "reason": "GatewayMoved",
                  "message": "moved from node a to b", "involvedObject": {"kind": "L2Gateway", "name": "gw-a"},
                  "source": {"component": "ovn-l2gateway-operator"}, "count": 2,
                  "firstTimestamp": "2025-01-01T01:00:00Z", "lastTimestamp": "2025-01-01T01:03:00Z"}]}"""),
                KUBECTL, NOW);
        assertEquals(List.of("Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen",
                "Count", "Name"), table.columnDefinitions().stream().map(ColumnDefinition::name).toList());
        assertEquals(List.of(0, 0, 0, 0, 1, 1, 0, 1, 1, 1),
                table.columnDefinitions().stream().map(ColumnDefinition::priority).toList());
        assertEquals(Arrays.asList("12s", "Warning", "GatewayMoved", "l2gateway/gw-a", "", "ovn-l2gateway-operator",
                "moved from node a to b", "3m12s", "2", "gw-a.1a24"), table.rows().get(0).cells());
    }

    @Test
    void aColumnPathOutsideTheSupportedSubsetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResourceTable.of(List.of(column("Odd", "string", ".spec..deep", 0))));
        assertTrue(e.getMessage().contains(".spec..deep"), e.getMessage());
    }

    private static CustomResourceColumnDefinition column(String name, String type, String jsonPath, int priority) {
        return new CustomResourceColumnDefinitionBuilder()
                .withName(name).withType(type).withJsonPath(jsonPath).withPriority(priority).build();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
