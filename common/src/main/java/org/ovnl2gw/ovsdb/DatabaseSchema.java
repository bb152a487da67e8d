package org.ovnl2gw.ovsdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A database schema as returned by {@code get_schema} (RFC 7047 §3.2). */
public final class DatabaseSchema {
    private final String name;
    private final String version;
    private final Map<String, TableSchema> tables;

    public DatabaseSchema(String name, String version, Map<String, TableSchema> tables) {
        this.name = name;
        this.version = version;
        this.tables = Map.copyOf(tables);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public Set<String> tableNames() {
        return tables.keySet();
    }

    public Optional<TableSchema> findTable(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /** The table, or a clear error naming database and table. */
    public TableSchema table(String table) {
        TableSchema t = tables.get(table);
        if (t == null) {
            throw new IllegalArgumentException("database " + name + " has no table " + table);
        }
        return t;
    }

    /** Parses a schema document, e.g. the contents of /usr/share/ovn/ovn-nb.ovsschema. */
    public static DatabaseSchema parse(String json) {
        try {
            return fromJson(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON schema document: " + e.getOriginalMessage(), e);
        }
    }

    static DatabaseSchema fromJson(JsonNode node) {
        String name = node.path("name").asText();
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("tables").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            tables.put(e.getKey(), parseTable(e.getKey(), e.getValue()));
        }
        return new DatabaseSchema(name, node.path("version").asText(""), tables);
    }

    private static TableSchema parseTable(String table, JsonNode node) {
        Map<String, ColumnSchema> columns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("columns").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            columns.put(e.getKey(), new ColumnSchema(e.getKey(), parseType(c.path("type")),
                    c.path("ephemeral").asBoolean(false), c.path("mutable").asBoolean(true)));
        }
        List<List<String>> indexes = new ArrayList<>();
        for (JsonNode index : node.path("indexes")) {
            List<String> cols = new ArrayList<>();
            index.forEach(c -> cols.add(c.asText()));
            indexes.add(cols);
        }
        return new TableSchema(table, columns, node.path("isRoot").asBoolean(false), indexes);
    }

    private static ColumnType parseType(JsonNode type) {
        if (type.isTextual()) {
            return ColumnType.scalar(AtomicType.fromWire(type.asText()));
        }
        BaseType key = parseBase(type.path("key"));
        Optional<BaseType> value = type.has("value") ? Optional.of(parseBase(type.get("value"))) : Optional.empty();
        long min = type.path("min").asLong(1);
        JsonNode maxNode = type.path("max");
        long max = maxNode.isMissingNode() ? 1 : maxNode.isTextual() ? ColumnType.UNLIMITED : maxNode.asLong();
        return new ColumnType(key, value, min, max);
    }

    private static BaseType parseBase(JsonNode base) {
        if (base.isTextual()) {
            return BaseType.of(AtomicType.fromWire(base.asText()));
        }
        AtomicType atomic = AtomicType.fromWire(base.path("type").asText());
        Set<Object> enums = new HashSet<>();
        if (base.has("enum")) {
            ColumnType enumType = new ColumnType(BaseType.of(atomic), Optional.empty(), 0, ColumnType.UNLIMITED);
            enums.addAll((Set<?>) WireCodec.decodeDatum(enumType, base.get("enum"), "enum"));
        }
        Optional<String> refTable = base.has("refTable") ? Optional.of(base.get("refTable").asText()) : Optional.empty();
        boolean strong = !"weak".equals(base.path("refType").asText("strong"));
        return new BaseType(atomic, enums, refTable, strong);
    }
}
