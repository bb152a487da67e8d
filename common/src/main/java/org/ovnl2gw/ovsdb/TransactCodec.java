package org.ovnl2gw.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Encodes a transact request and decodes its reply into typed results or a typed error. */
final class TransactCodec {
    private TransactCodec() {
    }

    static ArrayNode encodeParams(DatabaseSchema schema, List<Operation> ops) {
        ArrayNode params = WireCodec.JSON.arrayNode().add(schema.name());
        for (int i = 0; i < ops.size(); i++) {
            try {
                params.add(ops.get(i).encode(schema));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("operation " + i + ": " + e.getMessage(), e);
            }
        }
        return params;
    }

    /** Decodes the reply; throws {@link OvsdbTransactionException} when any entry carries an error. */
    static TransactResult decode(DatabaseSchema schema, List<Operation> ops, JsonNode reply) {
        if (!reply.isArray()) {
            throw new OvsdbProtocolException("transact reply is not an array: " + reply);
        }
        for (int i = 0; i < reply.size(); i++) {
            JsonNode entry = reply.get(i);
            if (entry != null && entry.has("error") && !entry.get("error").isNull()) {
                // one extra trailing entry beyond the operations means a commit-time failure
                int index = i < ops.size() ? i : -1;
                throw new OvsdbTransactionException(index, entry.get("error").asText(), entry.path("details").asText(""));
            }
        }
        List<OperationResult> results = new ArrayList<>();
        Map<String, Uuid> named = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            JsonNode entry = i < reply.size() ? reply.get(i) : null;
            if (entry == null || entry.isNull()) {
                results.add(OperationResult.empty());
                continue;
            }
            Operation op = ops.get(i);
            Optional<Uuid> uuid = Optional.empty();
            if (entry.has("uuid")) {
                uuid = Optional.of((Uuid) WireCodec.decodeAtom(AtomicType.UUID, entry.get("uuid"), "insert result"));
                if (op instanceof Operation.Insert ins && ins.uuidName().isPresent()) {
                    named.put(ins.uuidName().get(), uuid.get());
                }
            }
            List<Row> rows = new ArrayList<>();
            if (entry.has("rows") && op instanceof Operation.Select sel) {
                TableSchema t = schema.table(sel.table);
                for (JsonNode r : entry.get("rows")) {
                    rows.add(decodeRow(t, r));
                }
            }
            OptionalLong count = entry.has("count") ? OptionalLong.of(entry.get("count").asLong()) : OptionalLong.empty();
            results.add(new OperationResult(uuid, rows, count));
        }
        return new TransactResult(results, named);
    }

    /** A row as select returns it: every requested column present, _uuid among them. */
    static Row decodeRow(TableSchema table, JsonNode row) {
        Map<String, Object> values = new LinkedHashMap<>();
        Uuid uuid = null;
        for (var it = row.fields(); it.hasNext();) {
            var e = it.next();
            ColumnSchema c = table.column(e.getKey());
            Object v = WireCodec.decodeDatum(c.type(), e.getValue(), table.name() + "." + e.getKey());
            if (e.getKey().equals("_uuid")) {
                uuid = (Uuid) v;
            } else if (!e.getKey().equals("_version")) {
                values.put(e.getKey(), v);
            }
        }
        if (uuid == null) {
            throw new OvsdbProtocolException("row of " + table.name() + " without _uuid: " + row);
        }
        return new Row(table, uuid, values);
    }
}
