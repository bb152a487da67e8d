package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A field selector ({@code involvedObject.name=gw,involvedObject.kind=L2Gateway,type!=Normal}) evaluated on the
 * JSON of listed objects: each term names a dotted field path and wants it equal ({@code =}, {@code ==}) or not
 * equal ({@code !=}) to a value; a missing field reads as the empty string, as kube-apiserver's field sets do for
 * the fields it supports. The CRUD store understands only {@code metadata.name} and {@code metadata.namespace}
 * and returns nothing for other fields, which left {@code kubectl describe} without Events; here any field of
 * the object can be selected (a real server refuses fields it does not index; we accept them). Pure.
 */
record FieldSelector(List<Term> terms) {
    /** One {@code path=value} or {@code path!=value}. */
    record Term(String path, String value, boolean equal) {
        boolean matches(JsonNode object) {
            JsonNode node = object;
            for (String segment : path.split("\\.")) {
                node = node.path(segment);
            }
            String actual = node.isValueNode() ? node.asText() : "";
            return actual.equals(value) == equal;
        }
    }

    FieldSelector {
        terms = List.copyOf(terms);
    }

    boolean matches(JsonNode object) {
        return terms.stream().allMatch(term -> term.matches(object));
    }

    /** The selector of a query string's {@code fieldSelector} parameter, if it has one. */
    static Optional<FieldSelector> ofQuery(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("fieldSelector=")) {
                return Optional.of(parse(URLDecoder.decode(parameter.substring("fieldSelector=".length()),
                        StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }

    /** The query string without its {@code fieldSelector} parameter (null when nothing is left). */
    static String withoutSelector(String query) {
        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (!parameter.startsWith("fieldSelector=") && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    static FieldSelector parse(String selector) {
        List<Term> terms = new ArrayList<>();
        for (String term : selector.split(",")) {
            if (term.isBlank()) {
                continue;
            }
            int notEqual = term.indexOf("!=");
            if (notEqual >= 0) {
                terms.add(new Term(term.substring(0, notEqual).strip(), term.substring(notEqual + 2).strip(), false));
                continue;
            }
            int equal = term.indexOf('=');
            if (equal < 0) {
                throw new IllegalArgumentException("invalid field selector term \"" + term + "\": no = or !=");
            }
            String value = term.substring(equal + 1);
            if (value.startsWith("=")) {
                value = value.substring(1);
            }
            terms.add(new Term(term.substring(0, equal).strip(), value.strip(), true));
        }
        return new FieldSelector(terms);
    }
}
