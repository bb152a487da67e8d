package org.ovnl2gw.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One operation of a {@code transact} (RFC 7047 §5.2). Build them with {@link Operations}; they are
 * pure values and are checked against the database schema when the transaction is encoded, so an
 * unknown table/column or a wrongly typed value fails before anything reaches the server.
 */
public abstract sealed class Operation
        permits Operation.Insert, Operation.Filtered, Operation.Comment, Operation.Assert {

    /** The table this operation acts on, empty for comment and assert. */
    public abstract Optional<String> table();

    abstract ObjectNode encode(DatabaseSchema schema);

    /** Checks this operation against a schema without sending anything. */
    public final void validate(DatabaseSchema schema) {
        encode(schema);
    }

    static ObjectNode header(String op, String table) {
        ObjectNode node = WireCodec.JSON.objectNode().put("op", op);
        if (table != null) {
            node.put("table", table);
        }
        return node;
    }

    static ObjectNode encodeRow(TableSchema table, List<Object[]> columns, boolean forUpdate) {
        ObjectNode row = WireCodec.JSON.objectNode();
        for (Object[] cv : columns) {
            String column = (String) cv[0];
            ColumnSchema c = table.column(column);
            if (column.startsWith("_")) {
                throw new IllegalArgumentException(table.name() + "." + column + " cannot be written");
            }
            if (forUpdate && !c.mutable()) {
                throw new IllegalArgumentException(table.name() + "." + column + " is immutable and cannot be updated");
            }
            row.set(column, WireCodec.encodeDatum(c.type(), cv[1], table.name() + "." + column));
        }
        return row;
    }

    static ArrayNode encodeWhere(TableSchema table, List<Condition> where, String op) {
        if (where == null) {
            throw new IllegalArgumentException(op + " on " + table.name()
                    + " has no where(): say where(...) or whereAll() explicitly");
        }
        ArrayNode conditions = WireCodec.JSON.arrayNode();
        where.forEach(c -> conditions.add(c.encode(table)));
        return conditions;
    }

    /** Shared by the operations that take a where clause. */
    public abstract static sealed class Filtered<T extends Filtered<T>> extends Operation permits Update, Mutate, Delete, Select, Wait {
        final String table;
        List<Condition> where;

        Filtered(String table) {
            this.table = table;
        }

        @SuppressWarnings("unchecked")
        public T where(Condition... conditions) {
            where = where == null ? new ArrayList<>() : where;
            where.addAll(List.of(conditions));
            return (T) this;
        }

        /** Every row of the table (made explicit so a forgotten where() cannot touch all rows). */
        @SuppressWarnings("unchecked")
        public T whereAll() {
            where = where == null ? new ArrayList<>() : where;
            return (T) this;
        }

        @Override
        public Optional<String> table() {
            return Optional.of(table);
        }
    }

    /** insert: a new row, optionally named so later operations can refer to it. */
    public static final class Insert extends Operation {
        private final String table;
        private final List<Object[]> row = new ArrayList<>();
        private String uuidName;

        Insert(String table) {
            this.table = table;
        }

        public Insert uuidName(String name) {
            this.uuidName = new NamedUuid(name).name();
            return this;
        }

        /** The reference other operations in the same transaction use for this row. */
        public NamedUuid namedUuid() {
            if (uuidName == null) {
                throw new IllegalStateException("insert into " + table + " has no uuidName");
            }
            return new NamedUuid(uuidName);
        }

        public Optional<String> uuidName() {
            return Optional.ofNullable(uuidName);
        }

        public Insert set(String column, Object value) {
            row.add(new Object[] {column, value});
            return this;
        }

        @Override
        public Optional<String> table() {
            return Optional.of(table);
        }

        @Override
        ObjectNode encode(DatabaseSchema schema) {
            TableSchema t = schema.table(table);
            ObjectNode node = header("insert", table);
            node.set("row", encodeRow(t, row, false));
            if (uuidName != null) {
                node.put("uuid-name", uuidName);
            }
            return node;
        }
    }

    /** update: set columns of the rows matching where. */
    public static final class Update extends Filtered<Update> {
        private final List<Object[]> row = new ArrayList<>();

        Update(String table) {
            super(table);
        }

        public Update set(String column, Object value) {
            row.add(new Object[] {column, value});
            return this;
        }

        @Override
        ObjectNode encode(DatabaseSchema schema) {
            TableSchema t = schema.table(table);
            ObjectNode node = header("update", table);
            node.set("where", encodeWhere(t, where, "update"));
            node.set("row", encodeRow(t, row, true));
            return node;
        }
    }

    /** mutate: change columns in place (insert into / delete from sets and maps, arithmetic). */
    public static final class Mutate extends Filtered<Mutate> {
        private final List<Object[]> mutations = new ArrayList<>();

        Mutate(String table) {
            super(table);
        }

        public Mutate mutate(String column, Mutator mutator, Object value) {
            mutations.add(new Object[] {column, mutator, value});
            return this;
        }

        /** Adds elements to a set column (a Collection or one atom) or entries to a map column (a Map). */
        public Mutate insert(String column, Object values) {
            return mutate(column, Mutator.INSERT, values);
        }

        /** Removes elements from a set, or from a map: keys (a Collection) or exact entries (a Map). */
        public Mutate delete(String column, Object values) {
            return mutate(column, Mutator.DELETE, values);
        }

        public Mutate add(String column, Object value) {
            return mutate(column, Mutator.ADD, value);
        }

        @Override
        ObjectNode encode(DatabaseSchema schema) {
            TableSchema t = schema.table(table);
            ObjectNode node = header("mutate", table);
            node.set("where", encodeWhere(t, where, "mutate"));
            ArrayNode list = node.putArray("mutations");
            for (Object[] m : mutations) {
                String column = (String) m[0];
                Mutator mutator = (Mutator) m[1];
                ColumnSchema c = t.column(column);
                if (!c.mutable()) {
                    throw new IllegalArgumentException(t.name() + "." + column + " is immutable and cannot be mutated");
                }
                String where = t.name() + "." + column + " " + mutator.wire();
                ColumnType type = c.type();
                JsonNode value;
                if (mutator == Mutator.INSERT || mutator == Mutator.DELETE) {
                    if (type.isMap() && m[2] instanceof java.util.Map<?, ?>) {
                        value = WireCodec.encodeDatum(new ColumnType(type.key(), type.value(), 0, ColumnType.UNLIMITED), m[2], where);
                    } else if (type.isMap() && mutator == Mutator.INSERT) {
                        throw new IllegalArgumentException(where + ": inserting into a map needs a Map");
                    } else {
                        value = WireCodec.encodeKeySet(type.key(), m[2], where);
                    }
                } else {
                    if (type.isMap()) {
                        throw new IllegalArgumentException(where + ": arithmetic mutators do not apply to maps");
                    }
                    value = WireCodec.encodeAtom(type.key(), m[2], where);
                }
                list.add(WireCodec.JSON.arrayNode().add(column).add(mutator.wire()).add(value));
            }
            return node;
        }
    }

    /** delete: remove the rows matching where. */
    public static final class Delete extends Filtered<Delete> {
        Delete(String table) {
            super(table);
        }

        @Override
        ObjectNode encode(DatabaseSchema schema) {
            TableSchema t = schema.table(table);
            ObjectNode node = header("delete", table);
            node.set("where", encodeWhere(t, where, "delete"));
            return node;
        }
    }

    /** select: read the rows matching where, optionally only some columns. */
    public static final class Select extends Filtered<Select> {
        private List<String> columns;

        Select(String table) {
            super(table);
        }

        public Select columns(String... names) {
            columns = List.of(names);
            return this;
        }

        /** The columns this select returns (schema order when none were named). */
        List<String> selectedColumns(TableSchema t) {
            if (columns == null) {
                List<String> all = new ArrayList<>(t.columnNames());
                all.add("_uuid");
                return all;
            }
            List<String> cols = new ArrayList<>(columns);
            if (!cols.contains("_uuid")) {
                cols.add("_uuid");
            }
            return cols;
        }

        @Override
        ObjectNode encode(DatabaseSchema schema) {
            TableSchema t = schema.table(table);
            ObjectNode node = header("select", table);
            node.set("where", encodeWhere(t, where, "select"));
            ArrayNode cols = node.putArray("columns");
            for (String c : selectedColumns(t)) {
                t.column(c);
                cols.add(c);
            }
            return node;
        }
    }

    /** wait: block the transaction until the named columns of the rows matching where are (not) equal to rows. */
    public static final class Wait extends Filtered<Wait> {
        private final List<java.util.Map<String, Object>> rows = new ArrayList<>();
        private List<String> columns = List.of();
        private long timeoutMillis = -1;

        Wait(String table) {
            super(table);
        }

        public Wait columns(String... names) {
            columns = List.of(names);
            return this;
        }

        /** Adds one expected row: column name to typed value, over the wait's columns. */
        public Wait row(java.util.Map<String, ?> expected) {
            rows.add(new java.util.LinkedHashMap<>(expected));
            return this;
        }

        /** Waits until the rows equal the expected ones (the {@code !=} form has had no use). */
        public Wait untilEqual() {
            return this;
        }

        public Wait timeout(java.time.Duration timeout) {
            timeoutMillis = timeout.toMillis();
            return this;
        }

        @Override
        ObjectNode encode(DatabaseSchema schema) {
            TableSchema t = schema.table(table);
            ObjectNode node = header("wait", table);
            node.set("where", encodeWhere(t, where, "wait"));
            ArrayNode cols = node.putArray("columns");
            columns.forEach(c -> cols.add(t.column(c).name()));
            node.put("until", "==");
            ArrayNode rowList = node.putArray("rows");
            for (java.util.Map<String, Object> r : rows) {
                List<Object[]> pairs = new ArrayList<>();
                r.forEach((k, v) -> pairs.add(new Object[] {k, v}));
                rowList.add(encodeRow(t, pairs, false));
            }
            if (timeoutMillis >= 0) {
                node.put("timeout", timeoutMillis);
            }
            return node;
        }
    }

    /** comment: text the server writes to its log with the transaction (why the change was made). */
    public static final class Comment extends Operation {
        private final String text;

        Comment(String text) {
            this.text = text;
        }

        @Override
        public Optional<String> table() {
            return Optional.empty();
        }

        @Override
        ObjectNode encode(DatabaseSchema schema) {
            return header("comment", null).put("comment", text);
        }
    }

    /** assert: the transaction fails with "not owner" unless this connection holds the lock. */
    public static final class Assert extends Operation {
        private final String lock;

        Assert(String lock) {
            this.lock = lock;
        }

        @Override
        public Optional<String> table() {
            return Optional.empty();
        }

        @Override
        ObjectNode encode(DatabaseSchema schema) {
            return header("assert", null).put("lock", lock);
        }
    }
}
