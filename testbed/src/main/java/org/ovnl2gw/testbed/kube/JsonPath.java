package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The subset of Kubernetes JSONPath that printer columns use, evaluated over a JSON tree the way the API server
 * does for {@code additionalPrinterColumns}: missing keys give no result rather than an error.
 *
 * <p>Supported: an optional {@code $} and surrounding braces; {@code .field} and {@code ['field']} steps;
 * {@code [N]} (negative counts from the end); {@code [*]} and {@code .*}; and filters over array elements
 * {@code [?(@.a.b == "x")]}, {@code !=}, with a string, number, {@code true}/{@code false} literal, or
 * {@code [?(@.a)]} for "has a". Not supported (refused by {@link #parse}): slices, unions, recursive descent,
 * functions, {@code range}. Pure: no state beyond the parsed steps.
 */
final class JsonPath {
    private final String expression;
    private final List<Step> steps;

    private JsonPath(String expression, List<Step> steps) {
        this.expression = expression;
        this.steps = List.copyOf(steps);
    }

    /**
     * Parses {@code expression}, such as {@code .status.conditions[?(@.type=="Ready")].status}.
     *
     * @throws IllegalArgumentException when it is empty or uses syntax outside the supported subset
     */
    static JsonPath parse(String expression) {
        String text = expression.strip();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.startsWith("$")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty JSONPath: '" + expression + "'");
        }
        return new JsonPath(expression, new Parser(expression, text).steps(false));
    }

    /** Every value the path reaches, in document order; empty when a key along the way is missing. */
    List<JsonNode> evaluate(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Step step : steps) {
            current = current.stream().flatMap(step::apply).toList();
        }
        return current;
    }

    /** The first value the path reaches, or null when it reaches none. */
    JsonNode first(JsonNode root) {
        List<JsonNode> all = evaluate(root);
        return all.isEmpty() ? null : all.get(0);
    }

    @Override
    public String toString() {
        return expression;
    }

    private sealed interface Step permits Field, Index, Wildcard, Filter {
        Stream<JsonNode> apply(JsonNode node);
    }

    private record Field(String name) implements Step {
        @Override
        public Stream<JsonNode> apply(JsonNode node) {
            JsonNode child = node.isObject() ? node.get(name) : null;
            return child == null ? Stream.empty() : Stream.of(child);
        }
    }

    private record Index(int index) implements Step {
        @Override
        public Stream<JsonNode> apply(JsonNode node) {
            if (!node.isArray()) {
                return Stream.empty();
            }
            int at = index < 0 ? node.size() + index : index;
            return at >= 0 && at < node.size() ? Stream.of(node.get(at)) : Stream.empty();
        }
    }

    private record Wildcard() implements Step {
        @Override
        public Stream<JsonNode> apply(JsonNode node) {
            List<JsonNode> children = new ArrayList<>();
            Iterator<JsonNode> elements = node.elements();
            elements.forEachRemaining(children::add);
            return children.stream();
        }
    }

    /** {@code [?(@.path OP literal)]}, or {@code [?(@.path)]} when {@code literal} is null. */
    private record Filter(List<Step> path, boolean equal, JsonNode literal) implements Step {
        @Override
        public Stream<JsonNode> apply(JsonNode node) {
            if (!node.isArray()) {
                return Stream.empty();
            }
            List<JsonNode> kept = new ArrayList<>();
            for (JsonNode element : node) {
                if (matches(element)) {
                    kept.add(element);
                }
            }
            return kept.stream();
        }

        private boolean matches(JsonNode element) {
            List<JsonNode> found = List.of(element);
            for (Step step : path) {
                found = found.stream().flatMap(step::apply).toList();
            }
            if (literal == null) {
                return !found.isEmpty();
            }
            boolean same = !found.isEmpty() && sameValue(found.get(0), literal);
            return equal == same;
        }

        private static boolean sameValue(JsonNode value, JsonNode literal) {
            if (literal.isNumber()) {
                return value.isNumber() && value.decimalValue().compareTo(literal.decimalValue()) == 0;
            }
            return value.getNodeType() == literal.getNodeType() && value.equals(literal);
        }
    }

    /** A cursor over the expression text; each method consumes what it recognises. */
    private static final class Parser {
        private final String expression;
        private final String text;
        private int at;

        Parser(String expression, String text) {
            this.expression = expression;
            this.text = text;
        }

        /** Steps up to the end, or (inside a filter) up to the first character that cannot continue a path. */
        List<Step> steps(boolean insideFilter) {
            List<Step> steps = new ArrayList<>();
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '.') {
                    at++;
                    if (peek('*')) {
                        at++;
                        steps.add(new Wildcard());
                    } else {
                        steps.add(new Field(name()));
                    }
                } else if (c == '[') {
                    at++;
                    steps.add(bracket());
                } else if (insideFilter) {
                    break;
                } else {
                    throw unsupported("unexpected '" + c + "'");
                }
            }
            return steps;
        }

        private Step bracket() {
            Step step;
            if (peek('*')) {
                at++;
                step = new Wildcard();
            } else if (peek('\'') || peek('"')) {
                step = new Field(quoted());
            } else if (peek('?')) {
                at++;
                step = filter();
            } else {
                step = new Index(integer());
            }
            expect(']');
            return step;
        }

        private Filter filter() {
            expect('(');
            skipSpaces();
            expect('@');
            List<Step> path = steps(true);
            if (path.isEmpty()) {
                throw unsupported("a filter needs a path after '@'");
            }
            skipSpaces();
            Filter filter;
            if (text.startsWith("==", at) || text.startsWith("!=", at)) {
                boolean equal = text.charAt(at) == '=';
                at += 2;
                skipSpaces();
                filter = new Filter(path, equal, literal());
                skipSpaces();
            } else {
                filter = new Filter(path, true, null);
            }
            expect(')');
            return filter;
        }

        private JsonNode literal() {
            var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            if (peek('\'') || peek('"')) {
                return nodes.textNode(quoted());
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return nodes.booleanNode(true);
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return nodes.booleanNode(false);
            }
            int start = at;
            while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return nodes.numberNode(new BigDecimal(text.substring(start, at)));
            } catch (NumberFormatException e) {
                throw unsupported("a filter compares with a quoted string, a number, true or false");
            }
        }

        private String name() {
            int start = at;
            while (at < text.length() && isNameChar(text.charAt(at))) {
                at++;
            }
            if (start == at) {
                throw unsupported("a field name must follow '.'");
            }
            return text.substring(start, at);
        }

        private String quoted() {
            char quote = text.charAt(at++);
            int end = text.indexOf(quote, at);
            if (end < 0) {
                throw unsupported("unterminated quote");
            }
            String value = text.substring(at, end);
            at = end + 1;
            return value;
        }

        private int integer() {
            int start = at;
            if (peek('-')) {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            try {
                return Integer.parseInt(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw unsupported("only [N], [*], ['name'] and [?(...)] are supported in brackets");
            }
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/';
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw unsupported("expected '" + c + "'");
            }
            at++;
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        private IllegalArgumentException unsupported(String why) {
            return new IllegalArgumentException(
                    "unsupported JSONPath '" + expression + "' at " + at + ": " + why);
        }
    }
}
