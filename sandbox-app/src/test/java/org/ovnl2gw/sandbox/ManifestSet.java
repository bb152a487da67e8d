package org.ovnl2gw.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every Kubernetes object of {@code manifests/} (examples excluded: they are not part of the deployment and
 * are checked by the model's own validation), parsed the way kubectl reads them, with the file each came from.
 */
final class ManifestSet {
    /** One object and the file (relative to manifests/) it was read from. */
    record Manifest(String file, HasMetadata object) {
        String kind() {
            return object.getKind();
        }

        String name() {
            return object.getMetadata().getName();
        }

        String namespace() {
            return object.getMetadata().getNamespace();
        }

        @Override
        public String toString() {
            return kind() + " " + (namespace() == null ? "" : namespace() + "/") + name() + " (" + file + ")";
        }
    }

    /** The parts of kustomization.yaml the test holds to account. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Kustomization(List<String> resources, List<Image> images) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Image(String name, String newName, String newTag) {
        }
    }

    static final String KUSTOMIZATION = "kustomization.yaml";
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private final Path root;
    private final List<Manifest> manifests;

    private ManifestSet(Path root, List<Manifest> manifests) {
        this.root = root;
        this.manifests = manifests;
    }

    /** Reads manifests/ below the repository root. */
    static ManifestSet load(Path repositoryRoot) {
        Path root = repositoryRoot.resolve("manifests");
        List<Manifest> all = new ArrayList<>();
        for (String file : yamlFiles(root)) {
            if (file.equals(KUSTOMIZATION)) {
                continue;
            }
            for (String document : DOCUMENT_SEPARATOR.split(read(root.resolve(file)))) {
                if (hasContent(document)) {
                    all.add(new Manifest(file, parse(file, document)));
                }
            }
        }
        return new ManifestSet(root, List.copyOf(all));
    }

    /** The YAML files of manifests/ relative to it, examples/ left out, in a stable order. */
    static Set<String> yamlFiles(Path manifestsDir) {
        try (Stream<Path> files = Files.walk(manifestsDir)) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile)
                    .map(p -> manifestsDir.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .filter(name -> !name.startsWith("examples/"))
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    List<Manifest> all() {
        return manifests;
    }

    <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return ofType(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        return find(type, namespace, name).orElseThrow(() -> new AssertionError(
                "manifests/ has no " + type.getSimpleName() + " " + (namespace == null ? "" : namespace + "/") + name));
    }

    Kustomization kustomization() {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(root.resolve(KUSTOMIZATION).toFile(), Kustomization.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifests/" + KUSTOMIZATION, e);
        }
    }

    private static HasMetadata parse(String file, String document) {
        Object parsed;
        try {
            parsed = Serialization.unmarshal(document);
        } catch (RuntimeException e) {
            throw new AssertionError("manifests/" + file + ": not a Kubernetes object: " + e.getMessage(), e);
        }
        if (!(parsed instanceof HasMetadata object) || object.getMetadata() == null
                || object.getMetadata().getName() == null) {
            throw new AssertionError("manifests/" + file + ": a document without kind, apiVersion or metadata.name");
        }
        return object;
    }

    private static boolean hasContent(String document) {
        return document.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
