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
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The server-side Table of one kind, as kube-apiserver makes it. For a custom resource version, from the CRD's
 * {@code additionalPrinterColumns}: a {@code Name} column first, then the CRD's columns in the CRD's order (or
 * {@code Age} alone when the CRD declares none). Cells are typed by the column type: a {@code string} column
 * prints whatever it reaches, {@code integer}/{@code number}/{@code boolean} keep only values of that type, and a
 * {@code date} column is rendered as an age here, because kubectl prints cells as they come. A path that reaches
 * nothing gives an empty (null) cell. For the built-in kinds a user lists to see what happened ({@link #events}),
 * the columns of kube-apiserver's own printer. Pure: the caller passes the time.
 */
final class ResourceTable {
    static final String NAME_DESCRIPTION = "Name is unique within a namespace (or the cluster, for cluster-scoped "
            + "kinds); it identifies the object in URLs.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One column: what the Table says about it, and its cell for an object at a time. */
    private record Column(ColumnDefinition definition, BiFunction<JsonNode, Instant, Object> cell) {
    }

    private final List<Column> columns;

    private ResourceTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * The table for a CRD version with these printer columns ({@code null} or empty: the default {@code Age}).
     *
     * @throws IllegalArgumentException when a column's jsonPath is outside what {@link JsonPath} supports
     */
    static ResourceTable of(List<CustomResourceColumnDefinition> printerColumns) {
        List<CustomResourceColumnDefinition> declared = printerColumns == null || printerColumns.isEmpty()
                ? List.of(new CustomResourceColumnDefinitionBuilder()
                        .withName("Age").withType("date").withJsonPath(".metadata.creationTimestamp").build())
                : printerColumns;
        List<Column> columns = new ArrayList<>();
        columns.add(nameColumn(0));
        for (CustomResourceColumnDefinition column : declared) {
            String description = column.getDescription() != null && !column.getDescription().isEmpty()
                    ? column.getDescription()
                    : "Custom resource definition column (in JSONPath format): " + column.getJsonPath();
            JsonPath path = JsonPath.parse(column.getJsonPath());
            String type = column.getType();
            columns.add(new Column(
                    new ColumnDefinition(column.getName(), type, nonNull(column.getFormat()), description,
                            column.getPriority() == null ? 0 : column.getPriority()),
                    (object, now) -> cell(type, path.first(object), now)));
        }
        return new ResourceTable(columns);
    }

    /**
     * core/v1 Events as {@code kubectl get events} shows them from kube-apiserver: LAST SEEN, TYPE, REASON, OBJECT
     * ({@code kind/name}, the kind in lower case), MESSAGE; with {@code -o wide} also SUBOBJECT, SOURCE, FIRST
     * SEEN, COUNT and NAME. Times are ages, from {@code lastTimestamp} (or {@code eventTime}) and
     * {@code firstTimestamp}.
     */
    static ResourceTable events() {
        return new ResourceTable(List.of(
                column("Last Seen", 0, "Time when this Event was last observed.",
                        (e, now) -> ageOf(e.hasNonNull("lastTimestamp") ? e.get("lastTimestamp") : e.get("eventTime"),
                                now)),
                column("Type", 0, "Type of this event (Normal, Warning).", (e, now) -> text(e.get("type"))),
                column("Reason", 0, "The reason for the transition into the object's current status.",
                        (e, now) -> text(e.get("reason"))),
                column("Object", 0, "The object that this event is about.", (e, now) -> {
                    JsonNode involved = e.path("involvedObject");
                    return involved.path("kind").asText("").toLowerCase(Locale.ROOT) + "/"
                            + involved.path("name").asText("");
                }),
                column("Subobject", 1, "The field of the object this event is about, if any.",
                        (e, now) -> nonNull(text(e.path("involvedObject").get("fieldPath")))),
                column("Source", 1, "The component reporting this event.", (e, now) -> {
                    String component = nonNull(text(e.path("source").get("component")));
                    String host = text(e.path("source").get("host"));
                    return host == null ? component : component + ", " + host;
                }),
                column("Message", 0, "A human-readable description of the status of this operation.",
                        (e, now) -> text(e.get("message"))),
                column("First Seen", 1, "The time at which the event was first recorded.",
                        (e, now) -> ageOf(e.get("firstTimestamp"), now)),
                column("Count", 1, "The number of times this event has occurred.",
                        (e, now) -> e.hasNonNull("count") ? e.get("count").asText() : "1"),
                nameColumn(1)));
    }

    private static Column nameColumn(int priority) {
        return new Column(new ColumnDefinition("Name", "string", "name", NAME_DESCRIPTION, priority),
                (object, now) -> object.path("metadata").path("name").asText(""));
    }

    private static Column column(String name, int priority, String description,
                                 BiFunction<JsonNode, Instant, Object> cell) {
        return new Column(new ColumnDefinition(name, "string", "", description, priority), cell);
    }

    private static String ageOf(JsonNode timestamp, Instant now) {
        return timestamp != null && timestamp.isTextual() ? age(timestamp.asText(), now) : "<unknown>";
    }

    /** The column definitions kubectl will print, in order. */
    List<ColumnDefinition> columnDefinitions() {
        return columns.stream().map(Column::definition).toList();
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
        for (Column column : columns) {
            cells.add(column.cell().apply(object, now));
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
