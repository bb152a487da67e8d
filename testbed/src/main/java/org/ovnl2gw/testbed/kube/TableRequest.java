package org.ovnl2gw.testbed.kube;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a GET asks for when it wants a server-side {@code meta.k8s.io} Table, as kubectl's human-readable
 * output does: its {@code Accept} lists {@code application/json;as=Table;v=v1;g=meta.k8s.io}, then the v1beta1
 * Table, then plain {@code application/json}. The first Table media type we can write wins; a request that
 * lists none wants the object itself.
 *
 * @param tableVersion {@code v1} or {@code v1beta1}: the apiVersion {@code meta.k8s.io/<version>} to answer in
 * @param includeObject what each row carries in {@code object} (the {@code includeObject} query parameter)
 */
record TableRequest(String tableVersion, IncludeObject includeObject) {

    /** The {@code includeObject} policy of {@code metav1.TableOptions}. */
    enum IncludeObject {
        /** No object in the rows. */
        NONE,
        /** A {@code PartialObjectMetadata} in each row: the default, enough for kubectl's labels and namespaces. */
        METADATA,
        /** The whole object in each row: what kubectl asks for with {@code --sort-by}. */
        OBJECT
    }

    String apiVersion() {
        return "meta.k8s.io/" + tableVersion;
    }

    /**
     * The Table request that {@code accept} and the query string {@code query} make, or empty when the client
     * does not accept a Table.
     */
    static Optional<TableRequest> of(String accept, String query) {
        if (accept == null) {
            return Optional.empty();
        }
        for (String mediaType : accept.split(",")) {
            Optional<String> version = tableVersion(mediaType);
            if (version.isPresent()) {
                return Optional.of(new TableRequest(version.get(), includeObject(query)));
            }
        }
        return Optional.empty();
    }

    // application/json;as=Table;v=v1;g=meta.k8s.io, with parameters in any order, spaces and case ignored
    private static Optional<String> tableVersion(String mediaType) {
        String[] parts = mediaType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return Optional.empty();
        }
        String as = null;
        String group = null;
        String version = null;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length != 2) {
                continue;
            }
            String value = parameter[1].strip();
            switch (parameter[0].strip().toLowerCase(Locale.ROOT)) {
                case "as" -> as = value;
                case "g" -> group = value;
                case "v" -> version = value;
                default -> {
                    // q and other parameters do not change what we can write
                }
            }
        }
        boolean table = "Table".equals(as) && "meta.k8s.io".equals(group);
        return table && ("v1".equals(version) || "v1beta1".equals(version)) ? Optional.of(version) : Optional.empty();
    }

    private static IncludeObject includeObject(String query) {
        if (query == null) {
            return IncludeObject.METADATA;
        }
        for (String parameter : query.split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].equals("includeObject")) {
                return switch (URLDecoder.decode(pair[1], StandardCharsets.UTF_8)) {
                    case "None" -> IncludeObject.NONE;
                    case "Object" -> IncludeObject.OBJECT;
                    default -> IncludeObject.METADATA;
                };
            }
        }
        return IncludeObject.METADATA;
    }
}
