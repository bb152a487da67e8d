package org.ovnl2gw.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.ovnl2gw.api.v1alpha1.SpecProblem;

/**
 * Reads chosen resource kinds leniently and remembers which objects could not be read as they are.
 *
 * <p>fabric8's watch closes itself with an exception when one event's object cannot be deserialized; its
 * informer then stops, and java-operator-sdk's default handler for a stopped informer exits the process. One bad
 * object would so stop the reconciling of all the others, for as long as it exists. Here, the kinds given are
 * read through a deserializer that, when the whole object does not fit the model, reads it again with only
 * {@code apiVersion}, {@code kind}, {@code metadata} and (when that still fits) {@code status}: the object
 * reaches the cache without its spec, and {@link #problem} says, for that very resourceVersion, what was wrong,
 * so that the reconciler reports it as an invalid spec. A later version that reads whole clears the record.
 *
 * <p>Use {@link #serialization()} for the client that informs on these kinds.
 */
public final class UnreadableResources {
    /** What could not be read: the object, its version and the first problem, named by its field path. */
    public record Unreadable(String kind, String name, String resourceVersion, SpecProblem problem) {
        @Override
        public String toString() {
            return kind + " " + name + " (resourceVersion " + resourceVersion + ") cannot be read: " + problem;
        }
    }

    private final Set<Class<? extends HasMetadata>> kinds;
    private final Consumer<Unreadable> onNewlyUnreadable;
    private final Map<String, Unreadable> byObject = new ConcurrentHashMap<>();

    /**
     * @param kinds the resource classes to read leniently
     * @param onNewlyUnreadable told when an object becomes unreadable or its problem changes (a log line, say),
     *        not again for later versions with the same problem; it must not throw
     */
    public UnreadableResources(Set<Class<? extends HasMetadata>> kinds, Consumer<Unreadable> onNewlyUnreadable) {
        this.kinds = Set.copyOf(kinds);
        this.onNewlyUnreadable = Objects.requireNonNull(onNewlyUnreadable);
    }

    /** A fabric8 serialization whose mapper reads {@code kinds} leniently; give it to the client builder. */
    public KubernetesSerialization serialization() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new SimpleModule("lenient-custom-resources").setDeserializerModifier(new Modifier()));
        return new KubernetesSerialization(mapper, true);
    }

    /** Why {@code resource}, at its resourceVersion, was read without its spec; empty when it was read whole. */
    public Optional<SpecProblem> problem(HasMetadata resource) {
        Unreadable unreadable = byObject.get(key(resource.getClass(), resource.getMetadata().getName()));
        return unreadable != null && unreadable.resourceVersion().equals(resource.getMetadata().getResourceVersion())
                ? Optional.of(unreadable.problem()) : Optional.empty();
    }

    private void readWhole(Class<?> kind, JsonNode tree) {
        String key = key(kind, tree.path("metadata").path("name").asText());
        byObject.computeIfPresent(key, (k, old) ->
                old.resourceVersion().equals(version(tree)) ? old : null);
    }

    private void readWithoutSpec(Class<?> kind, JsonNode tree, SpecProblem problem) {
        String name = tree.path("metadata").path("name").asText();
        Unreadable unreadable = new Unreadable(tree.path("kind").asText(kind.getSimpleName()), name, version(tree),
                problem);
        Unreadable before = byObject.put(key(kind, name), unreadable);
        // once per object and problem: the operator's own writes (finalizer, status) make new versions
        if (before == null || !before.problem().equals(problem)) {
            onNewlyUnreadable.accept(unreadable);
        }
    }

    private static String version(JsonNode tree) {
        return tree.path("metadata").path("resourceVersion").asText("");
    }

    private static String key(Class<?> kind, String name) {
        return kind.getName() + "/" + name;
    }

    /** "spec.vlan: cannot read "abc" as Integer", from where Jackson stopped and the value found there. */
    static SpecProblem describe(JsonMappingException e, JsonNode tree) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        JsonNode value = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            value = ref.getFieldName() != null ? value.path(ref.getFieldName()) : value.path(ref.getIndex());
        }
        String expected = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null ? " as " + mismatch.getTargetType().getSimpleName() : "";
        String found = value.isMissingNode() ? "" : " " + value;
        return new SpecProblem(path.isEmpty() ? "object" : path, "cannot read" + found + expected
                + " (the object does not match this program's schema)");
    }

    private final class Modifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            return kinds.contains(description.getBeanClass())
                    ? new Lenient(deserializer, description.getBeanClass()) : deserializer;
        }
    }

    private final class Lenient extends DelegatingDeserializer {
        private final Class<?> kind;

        Lenient(JsonDeserializer<?> delegate, Class<?> kind) {
            super(delegate);
            this.kind = kind;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Lenient(delegate, kind);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            try {
                Object whole = readTree(tree, parser, context);
                readWhole(kind, tree);
                return whole;
            } catch (JsonMappingException e) {
                if (!tree.isObject() || !tree.path("metadata").isObject()) {
                    throw e;
                }
                ObjectNode reduced = context.getNodeFactory().objectNode();
                reduced.set("apiVersion", tree.get("apiVersion"));
                reduced.set("kind", tree.get("kind"));
                reduced.set("metadata", tree.get("metadata"));
                Object read;
                if (tree.has("status")) {
                    ObjectNode withStatus = reduced.deepCopy();
                    withStatus.set("status", tree.get("status"));
                    try {
                        read = readTree(withStatus, parser, context);
                    } catch (JsonMappingException statusAlsoUnreadable) {
                        read = readTree(reduced, parser, context);
                    }
                } else {
                    read = readTree(reduced, parser, context);
                }
                readWithoutSpec(kind, tree, describe(e, tree));
                return read;
            }
        }

        private Object readTree(JsonNode tree, JsonParser parser, DeserializationContext context) throws IOException {
            try (JsonParser sub = tree.traverse(parser.getCodec())) {
                sub.nextToken();
                return _delegatee.deserialize(sub, context);
            }
        }
    }
}
