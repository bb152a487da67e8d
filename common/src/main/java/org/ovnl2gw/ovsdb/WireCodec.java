package org.ovnl2gw.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts typed Java values to and from the OVSDB wire notation (RFC 7047 §5.1), checking each value
 * against its column type. The only place that knows the JSON forms of atoms, sets and maps.
 *
 * <p>Java forms: integer = Long, real = Double, boolean = Boolean, string = String, uuid = {@link Uuid}
 * (or {@link NamedUuid} when encoding); a set column is a {@code Set}, a map column a {@code Map},
 * a scalar column the atom itself.
 */
final class WireCodec {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WireCodec() {
    }

    static JsonNode encodeDatum(ColumnType type, Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": null is not an OVSDB value (use an empty set)");
        }
        if (type.isMap()) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(where + ": expected a Map for " + type + " but got " + describe(value));
            }
            checkSize(type, map.size(), where);
            ArrayNode pairs = JSON.arrayNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                pairs.add(JSON.arrayNode().add(encodeAtom(type.key(), e.getKey(), where + " key"))
                        .add(encodeAtom(type.value().get(), e.getValue(), where + " value")));
            }
            return JSON.arrayNode().add("map").add(pairs);
        }
        if (type.isScalar()) {
            if (value instanceof Collection<?> || value instanceof Optional<?>) {
                throw new IllegalArgumentException(where + ": expected one " + type + " but got " + describe(value));
            }
            return encodeAtom(type.key(), value, where);
        }
        Collection<?> elements = asCollection(value);
        checkSize(type, elements.size(), where);
        ArrayNode atoms = JSON.arrayNode();
        for (Object element : elements) {
            atoms.add(encodeAtom(type.key(), element, where));
        }
        return JSON.arrayNode().add("set").add(atoms);
    }

    /** Encodes a set of key atoms regardless of the column's size bounds (mutations, map key deletes). */
    static JsonNode encodeKeySet(BaseType key, Object value, String where) {
        ArrayNode atoms = JSON.arrayNode();
        for (Object element : asCollection(value)) {
            atoms.add(encodeAtom(key, element, where));
        }
        return JSON.arrayNode().add("set").add(atoms);
    }

    private static Collection<?> asCollection(Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof Optional<?> o) {
            return o.map(Set::of).orElse(Set.of());
        }
        return Set.of(value);
    }

    private static void checkSize(ColumnType type, int size, String where) {
        if (size < type.min() || size > type.max()) {
            throw new IllegalArgumentException(where + ": " + size + " elements do not fit " + type);
        }
    }

    static JsonNode encodeAtom(BaseType base, Object value, String where) {
        AtomicType type = base.atomicType();
        JsonNode atom = switch (type) {
            case INTEGER -> value instanceof Long || value instanceof Integer || value instanceof Short
                    ? JSON.numberNode(((Number) value).longValue()) : null;
            case REAL -> value instanceof Number n ? JSON.numberNode(n.doubleValue()) : null;
            case BOOLEAN -> value instanceof Boolean b ? JSON.booleanNode(b) : null;
            case STRING -> value instanceof String s ? JSON.textNode(s) : null;
            case UUID -> value instanceof Uuid u ? JSON.arrayNode().add("uuid").add(u.toString())
                    : value instanceof NamedUuid n ? JSON.arrayNode().add("named-uuid").add(n.name()) : null;
        };
        if (atom == null) {
            throw new IllegalArgumentException(where + ": expected " + type.wireName() + " but got " + describe(value));
        }
        if (!base.enumValues().isEmpty()) {
            Object normal = type == AtomicType.INTEGER ? (Object) ((Number) value).longValue() : value;
            if (!base.enumValues().contains(normal)) {
                throw new IllegalArgumentException(where + ": " + value + " is not one of " + base.enumValues());
            }
        }
        return atom;
    }

    static Object decodeDatum(ColumnType type, JsonNode node, String where) {
        if (type.isMap()) {
            JsonNode pairs = expectTagged(node, "map", where);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (JsonNode pair : pairs) {
                map.put(decodeAtom(type.key().atomicType(), pair.get(0), where),
                        decodeAtom(type.value().get().atomicType(), pair.get(1), where));
            }
            return Collections.unmodifiableMap(map);
        }
        if (type.isScalar()) {
            return decodeAtom(type.key().atomicType(), node, where);
        }
        Set<Object> set = new LinkedHashSet<>();
        if (node.isArray() && node.size() == 2 && "set".equals(node.get(0).asText(null))) {
            for (JsonNode atom : node.get(1)) {
                set.add(decodeAtom(type.key().atomicType(), atom, where));
            }
        } else {
            set.add(decodeAtom(type.key().atomicType(), node, where));
        }
        return Collections.unmodifiableSet(set);
    }

    private static JsonNode expectTagged(JsonNode node, String tag, String where) {
        if (!node.isArray() || node.size() != 2 || !tag.equals(node.get(0).asText(null))) {
            throw new OvsdbProtocolException(where + ": expected [\"" + tag + "\", ...] but got " + node);
        }
        return node.get(1);
    }

    static Object decodeAtom(AtomicType type, JsonNode node, String where) {
        switch (type) {
            case INTEGER:
                if (node.isIntegralNumber()) {
                    return node.asLong();
                }
                break;
            case REAL:
                if (node.isNumber()) {
                    return node.asDouble();
                }
                break;
            case BOOLEAN:
                if (node.isBoolean()) {
                    return node.asBoolean();
                }
                break;
            case STRING:
                if (node.isTextual()) {
                    return node.asText();
                }
                break;
            case UUID:
                return Uuid.parse(expectTagged(node, "uuid", where).asText());
            default:
                break;
        }
        throw new OvsdbProtocolException(where + ": expected " + type.wireName() + " but got " + node);
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName() + " " + value;
    }
}
