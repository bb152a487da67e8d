package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an object against a CRD version's {@code openAPIV3Schema} the way kube-apiserver's structural-schema
 * validation does, for the keywords our CRDs and most others use: {@code type} (with {@code nullable} and
 * {@code x-kubernetes-int-or-string}), {@code required}, {@code properties}, {@code additionalProperties},
 * {@code items}, {@code minimum}/{@code maximum} (and their exclusive forms), {@code minLength}/{@code maxLength},
 * {@code minItems}/{@code maxItems}, {@code pattern} and {@code enum}. Each problem is a {@code StatusCause}
 * with the reason, field and message kube-apiserver writes, so that kubectl prints the same line. Not checked:
 * {@code format}, CEL rules, {@code oneOf}/{@code anyOf}/{@code allOf}/{@code not}, unknown fields (a real server
 * prunes them; this one keeps them). {@code metadata} is not checked against the schema. Pure.
 */
final class SchemaValidator {
    static final String TYPE_INVALID = "FieldValueTypeInvalid";
    static final String INVALID = "FieldValueInvalid";
    static final String REQUIRED = "FieldValueRequired";
    static final String NOT_SUPPORTED = "FieldValueNotSupported";
    static final String TOO_LONG = "FieldValueTooLong";
    static final String TOO_MANY = "FieldValueTooMany";

    private SchemaValidator() {
    }

    /** Every problem of {@code object} under {@code schema}, in document order; empty when it is valid. */
    static List<StatusCause> validate(JSONSchemaProps schema, JsonNode object) {
        List<StatusCause> causes = new ArrayList<>();
        if (schema == null) {
            return causes;
        }
        checkObjectMembers(schema, object, "", causes, true);
        return causes;
    }

    private static void check(JSONSchemaProps schema, JsonNode value, String path, List<StatusCause> causes) {
        if (value.isNull()) {
            if (!Boolean.TRUE.equals(schema.getNullable()) && schema.getType() != null) {
                // kube-apiserver: "in body must be of type string: "null""
                causes.add(cause(TYPE_INVALID, path, "Invalid value: \"null\": " + path + " in body must be of type "
                        + schema.getType() + ": \"null\""));
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                causes.add(cause(TYPE_INVALID, path, "Invalid value: \"" + jsonType(value) + "\": " + path
                        + " in body must be of type integer,string: \"" + jsonType(value) + "\""));
            }
            return;
        }
        String type = schema.getType();
        if (type != null && !hasType(value, type)) {
            causes.add(cause(TYPE_INVALID, path, "Invalid value: \"" + jsonType(value) + "\": " + path
                    + " in body must be of type " + type + ": \"" + jsonType(value) + "\""));
            return;
        }
        checkEnum(schema, value, path, causes);
        if (value.isNumber()) {
            checkNumber(schema, value, path, causes);
        } else if (value.isTextual()) {
            checkString(schema, value.asText(), path, causes);
        } else if (value.isArray()) {
            checkArray(schema, value, path, causes);
        } else if (value.isObject()) {
            checkObjectMembers(schema, value, path, causes, false);
        }
    }

    private static void checkObjectMembers(JSONSchemaProps schema, JsonNode object, String path,
                                           List<StatusCause> causes, boolean root) {
        Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        if (schema.getRequired() != null) {
            for (String name : schema.getRequired()) {
                if (!object.has(name)) {
                    causes.add(cause(REQUIRED, join(path, name), "Required value"));
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (root && (field.getKey().equals("metadata") || field.getKey().equals("apiVersion")
                    || field.getKey().equals("kind"))) {
                continue;
            }
            JSONSchemaProps member = properties.get(field.getKey());
            if (member == null && schema.getAdditionalProperties() != null
                    && schema.getAdditionalProperties().getSchema() != null) {
                member = schema.getAdditionalProperties().getSchema();
            }
            if (member != null) {
                check(member, field.getValue(), join(path, field.getKey()), causes);
            }
        }
        if (schema.getMaxProperties() != null && object.size() > schema.getMaxProperties()) {
            causes.add(cause(TOO_MANY, path, "Too many: " + object.size() + ": must have at most "
                    + schema.getMaxProperties() + " items"));
        }
    }

    private static void checkNumber(JSONSchemaProps schema, JsonNode value, String path, List<StatusCause> causes) {
        BigDecimal number = value.decimalValue();
        if (schema.getMaximum() != null) {
            int compared = number.compareTo(BigDecimal.valueOf(schema.getMaximum()));
            if (Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? compared >= 0 : compared > 0) {
                causes.add(cause(INVALID, path, "Invalid value: " + value + ": " + path + " in body should be less than "
                        + (Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? "" : "or equal to ")
                        + number(schema.getMaximum())));
            }
        }
        if (schema.getMinimum() != null) {
            int compared = number.compareTo(BigDecimal.valueOf(schema.getMinimum()));
            if (Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? compared <= 0 : compared < 0) {
                causes.add(cause(INVALID, path, "Invalid value: " + value + ": " + path
                        + " in body should be greater than "
                        + (Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? "" : "or equal to ")
                        + number(schema.getMinimum())));
            }
        }
    }

    private static void checkString(JSONSchemaProps schema, String text, String path, List<StatusCause> causes) {
        long length = text.codePointCount(0, text.length());
        if (schema.getMaxLength() != null && length > schema.getMaxLength()) {
            causes.add(cause(TOO_LONG, path, "Too long: may not be more than " + schema.getMaxLength() + " bytes"));
        }
        if (schema.getMinLength() != null && length < schema.getMinLength()) {
            causes.add(cause(INVALID, path, "Invalid value: \"" + text + "\": " + path + " in body should be at least "
                    + schema.getMinLength() + " chars long"));
        }
        if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(text).find()) {
            causes.add(cause(INVALID, path, "Invalid value: \"" + text + "\": " + path + " in body should match '"
                    + schema.getPattern() + "'"));
        }
    }

    private static void checkArray(JSONSchemaProps schema, JsonNode array, String path, List<StatusCause> causes) {
        if (schema.getMaxItems() != null && array.size() > schema.getMaxItems()) {
            causes.add(cause(TOO_MANY, path, "Too many: " + array.size() + ": must have at most "
                    + schema.getMaxItems() + " items"));
        }
        if (schema.getMinItems() != null && array.size() < schema.getMinItems()) {
            causes.add(cause(INVALID, path, "Invalid value: " + array.size() + ": " + path
                    + " in body should have at least " + schema.getMinItems() + " items"));
        }
        JSONSchemaProps items = schema.getItems() == null ? null : schema.getItems().getSchema();
        if (items != null) {
            for (int i = 0; i < array.size(); i++) {
                check(items, array.get(i), path + "[" + i + "]", causes);
            }
        }
    }

    private static void checkEnum(JSONSchemaProps schema, JsonNode value, String path, List<StatusCause> causes) {
        List<JsonNode> allowed = schema.getEnum();
        if (allowed == null || allowed.isEmpty() || allowed.contains(value)) {
            return;
        }
        causes.add(cause(NOT_SUPPORTED, path, "Unsupported value: " + value + ": supported values: "
                + allowed.stream().map(JsonNode::toString).collect(Collectors.joining(", "))));
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            // JSON has one number type: 3.0 is an integer to kube-apiserver too
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            default -> true;
        };
    }

    // the names kube-openapi's validator uses when it says what it found
    private static String jsonType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isArray()) {
            return "array";
        }
        return value.isObject() ? "object" : "null";
    }

    private static String number(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static StatusCause cause(String reason, String field, String message) {
        return new StatusCause(field, message, reason);
    }
}
