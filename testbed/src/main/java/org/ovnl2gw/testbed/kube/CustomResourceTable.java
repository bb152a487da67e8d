package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server-side Table of one custom resource version, made as kube-apiserver makes it from the CRD's
 * {@code additionalPrinterColumns}: a {@code Name} column first, then the CRD's columns in the CRD's order (or
 * {@code Age} alone when the CRD declares none). Cells are typed by the column type: a {@code string} column
 * prints whatever it reaches, {@code integer}/{@code number}/{@code boolean} keep only values of that type, and a
 * {@code date} column is rendered as an age here, because kubectl prints cells as they come. A path that reaches
 * nothing gives an empty (null) cell. Pure: the caller passes the time.
 */
final class CustomResourceTable {
    static final String NAME_DESCRIPTION = "Name is unique within a namespace (or the cluster, for cluster-scoped "
            + "kinds); it identifies the object in URLs.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One column: what the Table says about it and where its value is. */
    private record Column(ColumnDefinition definition, JsonPath path) {
    }

    private final List<Column> columns;

    private CustomResourceTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * The table for a CRD version with these printer columns ({@code null} or empty: the default {@code Age}).
     *
     * @throws IllegalArgumentException when a column's jsonPath is outside what {@link JsonPath} supports
     */
    static CustomResourceTable of(List<CustomResourceColumnDefinition> printerColumns) {
        List<CustomResourceColumnDefinition> declared = printerColumns == null || printerColumns.isEmpty()
                ? List.of(new CustomResourceColumnDefinitionBuilder()
                        .withName("Age").withType("date").withJsonPath(".metadata.creationTimestamp").build())
                : printerColumns;
        List<Column> columns = new ArrayList<>();
        for (CustomResourceColumnDefinition column : declared) {
            String description = column.getDescription() != null && !column.getDescription().isEmpty()
                    ? column.getDescription()
                    : "Custom resource definition column (in JSONPath format): " + column.getJsonPath();
            columns.add(new Column(
                    new ColumnDefinition(column.getName(), column.getType(), nonNull(column.getFormat()), description,
                            column.getPriority() == null ? 0 : column.getPriority()),
                    JsonPath.parse(column.getJsonPath())));
        }
        return new CustomResourceTable(columns);
    }

    /** The column definitions kubectl will print, {@code Name} first. */
    List<ColumnDefinition> columnDefinitions() {
        List<ColumnDefinition> definitions = new ArrayList<>();
        definitions.add(new ColumnDefinition("Name", "string", "name", NAME_DESCRIPTION, 0));
        columns.forEach(column -> definitions.add(column.definition()));
        return definitions;
    }

    /**
     * The Table of {@code listOrObject}: one row per item of a list (anything with {@code items}), or one row for a
     * single object.
     */
    Table tableOf(JsonNode listOrObject, TableRequest request, Instant now) {
        JsonNode items = listOrObject.get("items");
        List<JsonNode> objects = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(objects::add);
        } else if (items == null) {
            objects.add(listOrObject);
        }
        List<Row> rows = objects.stream().map(object -> row(object, request, now)).toList();
        JsonNode metadata = listOrObject.path("metadata");
        return new Table("Table", request.apiVersion(), new TableMetadata(
                text(metadata.get("resourceVersion")), text(metadata.get("continue")),
                metadata.hasNonNull("remainingItemCount") ? metadata.get("remainingItemCount").asLong() : null),
                columnDefinitions(), rows);
    }

    private Row row(JsonNode object, TableRequest request, Instant now) {
        List<Object> cells = new ArrayList<>();
        cells.add(object.path("metadata").path("name").asText(""));
        for (Column column : columns) {
            cells.add(cell(column.definition().type(), column.path().first(object), now));
        }
        return new Row(cells, rowObject(object, request));
    }

    /** A cell of type {@code type} for {@code value}, or null when the value is missing or of another type. */
    static Object cell(String type, JsonNode value, Instant now) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return switch (type) {
            case "string" -> value.isValueNode() ? value.asText() : value.toString();
            case "integer" -> value.isIntegralNumber() ? Long.valueOf(value.longValue())
                    : value.isNumber() ? Long.valueOf((long) value.doubleValue()) : null;
            case "number" -> value.isNumber() ? Double.valueOf(value.doubleValue()) : null;
            case "boolean" -> value.isBoolean() ? Boolean.valueOf(value.booleanValue()) : null;
            case "date" -> value.isTextual() ? age(value.asText(), now) : null;
            default -> null;
        };
    }

    private static String age(String timestamp, Instant now) {
        try {
            return HumanDuration.of(Duration.between(OffsetDateTime.parse(timestamp).toInstant(), now));
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
    }

    private static JsonNode rowObject(JsonNode object, TableRequest request) {
        return switch (request.includeObject()) {
            case NONE -> null;
            case OBJECT -> object;
            case METADATA -> {
                ObjectNode partial = NODES.objectNode();
                partial.put("kind", "PartialObjectMetadata");
                partial.put("apiVersion", request.apiVersion());
                partial.set("metadata", object.path("metadata").isObject() ? object.get("metadata") : NODES.objectNode());
                yield partial;
            }
        };
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** A {@code meta.k8s.io} Table, as written on the wire. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Table(String kind, String apiVersion, TableMetadata metadata, List<ColumnDefinition> columnDefinitions,
            List<Row> rows) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TableMetadata(String resourceVersion, @JsonProperty("continue") String continueToken,
            Long remainingItemCount) {
    }

    /** {@code metav1.TableColumnDefinition}; kubectl shows priority 0 always and others with {@code -o wide}. */
    record ColumnDefinition(String name, String type, String format, String description, int priority) {
    }

    /** One row: typed cells (String, Long, Double, Boolean or null) and, as asked, the object or its metadata. */
    record Row(@JsonInclude(JsonInclude.Include.ALWAYS) List<Object> cells,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode object) {
    }
}
