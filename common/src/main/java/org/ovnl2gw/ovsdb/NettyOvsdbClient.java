package org.ovnl2gw.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/** {@link OvsdbClient} over a {@link JsonRpcConnection}: typed requests, typed replies. */
final class NettyOvsdbClient implements OvsdbClient, JsonRpcConnection.Listener {
    private static final Logger LOG = Logger.getLogger(NettyOvsdbClient.class.getName());
    static final String ZERO_TXN_ID = "00000000-0000-0000-0000-000000000000";

    /** A running monitor: what it asked for, so updates can be decoded and completed with defaults. */
    private record ActiveMonitor(DatabaseSchema schema, Map<String, List<String>> columns, MonitorHandler handler) {
    }

    private final Map<String, CompletableFuture<DatabaseSchema>> schemas = new ConcurrentHashMap<>();
    private final Map<String, ActiveMonitor> monitors = new ConcurrentHashMap<>();
    private volatile JsonRpcConnection conn;
    private volatile LockListener lockListener;

    private NettyOvsdbClient() {
    }

    static CompletableFuture<OvsdbClient> connect(OvsdbRemote.Endpoint endpoint, ClientOptions options) {
        NettyOvsdbClient client = new NettyOvsdbClient();
        return JsonRpcConnection.connect(endpoint, options, client).thenApply(c -> {
            client.conn = c;
            return client;
        });
    }

    private static ArrayNode params(Object... values) {
        ArrayNode a = WireCodec.JSON.arrayNode();
        for (Object v : values) {
            if (v instanceof JsonNode n) {
                a.add(n);
            } else if (v instanceof Boolean b) {
                a.add(b);
            } else {
                a.add(String.valueOf(v));
            }
        }
        return a;
    }

    @Override
    public String peer() {
        return conn.peer();
    }

    @Override
    public CompletableFuture<List<String>> listDbs() {
        return conn.request("list_dbs", params()).thenApply(r -> {
            List<String> names = new ArrayList<>();
            r.forEach(n -> names.add(n.asText()));
            return List.copyOf(names);
        });
    }

    @Override
    public CompletableFuture<DatabaseSchema> getSchema(String database) {
        CompletableFuture<DatabaseSchema> f = schemas.computeIfAbsent(database,
                db -> conn.request("get_schema", params(db)).thenApply(DatabaseSchema::fromJson));
        // a failed fetch is not remembered, so a later call asks again
        f.whenComplete((s, e) -> {
            if (e != null) {
                schemas.remove(database, f);
            }
        });
        return f;
    }

    @Override
    public CompletableFuture<TransactResult> transact(String database, List<? extends Operation> operations) {
        List<Operation> ops = List.copyOf(operations);
        return getSchema(database).thenCompose(schema -> {
            ArrayNode params = TransactCodec.encodeParams(schema, ops);
            return conn.request("transact", params).thenApply(reply -> TransactCodec.decode(schema, ops, reply));
        });
    }

    @Override
    public CompletableFuture<MonitorResult> monitorCondSince(String database, String monitorId, MonitorSpec spec,
            Optional<String> lastTxnId, MonitorHandler handler) {
        return getSchema(database).thenCompose(schema -> {
            ActiveMonitor monitor = register(schema, monitorId, spec, handler);
            ArrayNode p = params(database, monitorId, encodeRequests(schema, spec), lastTxnId.orElse(ZERO_TXN_ID));
            MonitorResult[] decoded = new MonitorResult[1];
            return conn.request("monitor_cond_since", p, reply -> {
                decoded[0] = new MonitorResult(reply.get(0).asBoolean(), txnId(reply.get(1)), decodeUpdates(monitor, reply.get(2)));
                handler.onReply(decoded[0]);
            }).thenApply(reply -> decoded[0]).exceptionallyCompose(e -> {
                        Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                        if (cause instanceof OvsdbRpcException rpc && rpc.error().startsWith("unknown method")) {
                            LOG.info(() -> conn.peer() + " has no monitor_cond_since, using monitor_cond");
                            return monitorCond(database, monitorId, spec, handler);
                        }
                        monitors.remove(monitorId, monitor);
                        return CompletableFuture.failedFuture(cause);
                    });
        });
    }

    @Override
    public CompletableFuture<MonitorResult> monitorCond(String database, String monitorId, MonitorSpec spec, MonitorHandler handler) {
        return getSchema(database).thenCompose(schema -> {
            ActiveMonitor monitor = register(schema, monitorId, spec, handler);
            ArrayNode p = params(database, monitorId, encodeRequests(schema, spec));
            MonitorResult[] decoded = new MonitorResult[1];
            return conn.request("monitor_cond", p, reply -> {
                decoded[0] = new MonitorResult(false, Optional.empty(), decodeUpdates(monitor, reply));
                handler.onReply(decoded[0]);
            }).thenApply(reply -> decoded[0]);
        });
    }

    private ActiveMonitor register(DatabaseSchema schema, String monitorId, MonitorSpec spec, MonitorHandler handler) {
        spec.validate(schema);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        spec.tables().keySet().forEach(t -> columns.put(t, spec.columnsOf(schema.table(t))));
        ActiveMonitor monitor = new ActiveMonitor(schema, columns, handler);
        if (monitors.putIfAbsent(monitorId, monitor) != null) {
            throw new IllegalStateException("monitor id " + monitorId + " is already in use on " + conn.peer());
        }
        return monitor;
    }

    private static ObjectNode encodeRequests(DatabaseSchema schema, MonitorSpec spec) {
        ObjectNode requests = WireCodec.JSON.objectNode();
        spec.tables().forEach((table, m) -> {
            TableSchema t = schema.table(table);
            ObjectNode req = WireCodec.JSON.objectNode();
            ArrayNode cols = req.putArray("columns");
            spec.columnsOf(t).forEach(cols::add);
            if (!m.where().isEmpty()) {
                ArrayNode where = req.putArray("where");
                m.where().forEach(c -> where.add(c.encode(t)));
            }
            requests.putArray(table).add(req);
        });
        return requests;
    }

    private static Optional<String> txnId(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().equals(ZERO_TXN_ID)) {
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** Decodes table-updates2; "initial"/"insert" rows get default values for omitted monitored columns. */
    private static List<RowUpdate> decodeUpdates(ActiveMonitor monitor, JsonNode updates) {
        List<RowUpdate> list = new ArrayList<>();
        if (updates == null || !updates.isObject()) {
            return list;
        }
        for (var tables = updates.fields(); tables.hasNext();) {
            var te = tables.next();
            TableSchema table = monitor.schema.table(te.getKey());
            List<String> monitored = monitor.columns.getOrDefault(te.getKey(), List.copyOf(table.columnNames()));
            for (var rows = te.getValue().fields(); rows.hasNext();) {
                var re = rows.next();
                Uuid uuid = Uuid.parse(re.getKey());
                var change = re.getValue().fields().next();
                RowUpdate.Kind kind = switch (change.getKey()) {
                    case "initial" -> RowUpdate.Kind.INITIAL;
                    case "insert" -> RowUpdate.Kind.INSERT;
                    case "modify" -> RowUpdate.Kind.MODIFY;
                    case "delete" -> RowUpdate.Kind.DELETE;
                    default -> throw new OvsdbProtocolException("unknown row update " + change.getKey());
                };
                Map<String, Object> values = new LinkedHashMap<>();
                if (kind == RowUpdate.Kind.INITIAL || kind == RowUpdate.Kind.INSERT) {
                    monitored.forEach(c -> values.put(c, table.column(c).type().defaultValue()));
                }
                if (kind != RowUpdate.Kind.DELETE && change.getValue().isObject()) {
                    for (var cols = change.getValue().fields(); cols.hasNext();) {
                        var ce = cols.next();
                        ColumnSchema c = table.column(ce.getKey());
                        values.put(ce.getKey(), WireCodec.decodeDatum(c.type(), ce.getValue(), table.name() + "." + ce.getKey()));
                    }
                }
                list.add(new RowUpdate(table.name(), uuid, kind, new Row(table, uuid, values)));
            }
        }
        return list;
    }

    @Override
    public CompletableFuture<Void> echo() {
        return conn.request("echo", params("ping")).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Void> setDbChangeAware() {
        return conn.request("set_db_change_aware", params(true)).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Boolean> lock(String lockId) {
        return conn.request("lock", params(lockId)).thenApply(r -> r.path("locked").asBoolean());
    }

    @Override
    public CompletableFuture<Boolean> steal(String lockId) {
        return conn.request("steal", params(lockId)).thenApply(r -> r.path("locked").asBoolean());
    }

    @Override
    public CompletableFuture<Void> unlock(String lockId) {
        return conn.request("unlock", params(lockId)).thenApply(r -> null);
    }

    @Override
    public void setLockListener(LockListener listener) {
        this.lockListener = listener;
    }

    @Override
    public boolean isOpen() {
        return conn.isOpen();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return conn.closeFuture();
    }

    @Override
    public void close() {
        conn.close();
    }

    @Override
    public void onNotification(String method, JsonNode params) {
        switch (method) {
            case "update2", "update3" -> {
                ActiveMonitor m = monitors.get(params.path(0).asText());
                if (m == null) {
                    return;
                }
                boolean v3 = method.equals("update3");
                Optional<String> txn = v3 ? txnId(params.get(1)) : Optional.empty();
                m.handler.onUpdate(decodeUpdates(m, params.get(v3 ? 2 : 1)), txn);
            }
            case "locked", "stolen" -> {
                LockListener l = lockListener;
                if (l != null) {
                    if (method.equals("locked")) {
                        l.onLocked(params.path(0).asText());
                    } else {
                        l.onStolen(params.path(0).asText());
                    }
                }
            }
            case "monitor_canceled" -> {
                ActiveMonitor m = monitors.remove(params.path(0).asText());
                if (m != null) {
                    m.handler.onCanceled();
                }
            }
            default -> LOG.fine(() -> "ignoring notification " + method);
        }
    }

    @Override
    public void onClosed() {
        // pending requests were failed by the connection; monitors end with it
        monitors.clear();
    }
}
