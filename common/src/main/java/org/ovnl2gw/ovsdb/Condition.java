package org.ovnl2gw.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One clause of a {@code where}: column, function, value. The value is checked against the column type
 * when the operation is encoded; {@code includes}/{@code excludes} on set and map columns take a
 * subset (e.g. {@code Set.of("x")} or {@code Map.of("k","v")}).
 */
public record Condition(String column, ConditionFunction function, Object value) {
    public Condition {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(value, "value");
    }

    public static Condition equalTo(String column, Object value) {
        return new Condition(column, ConditionFunction.EQUALS, value);
    }

    public static Condition notEqualTo(String column, Object value) {
        return new Condition(column, ConditionFunction.NOT_EQUALS, value);
    }

    public static Condition includes(String column, Object value) {
        return new Condition(column, ConditionFunction.INCLUDES, value);
    }

    public static Condition excludes(String column, Object value) {
        return new Condition(column, ConditionFunction.EXCLUDES, value);
    }

    public static Condition uuidEquals(Uuid uuid) {
        return equalTo("_uuid", uuid);
    }

    JsonNode encode(TableSchema table) {
        ColumnSchema c = table.column(column);
        ColumnType type = c.type();
        String where = table.name() + "." + column + " condition";
        JsonNode encoded;
        if (function == ConditionFunction.INCLUDES || function == ConditionFunction.EXCLUDES) {
            // a subset of the column's values: any size up to the column's own bound
            encoded = WireCodec.encodeDatum(new ColumnType(type.key(), type.value(), 0, ColumnType.UNLIMITED), value, where);
        } else if (type.isSet() && !(value instanceof java.util.Collection<?>) && !(value instanceof java.util.Optional<?>)) {
            encoded = WireCodec.encodeDatum(type, java.util.Set.of(value), where);
        } else {
            encoded = WireCodec.encodeDatum(type, value, where);
        }
        return WireCodec.JSON.arrayNode().add(column).add(function.wire()).add(encoded);
    }
}
