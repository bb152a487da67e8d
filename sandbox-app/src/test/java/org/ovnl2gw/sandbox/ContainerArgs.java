package org.ovnl2gw.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's args as the program will see them: {@code $(VAR)} replaced by the container's environment the
 * way the kubelet does it, ConfigMap values looked up in the manifests, Downward API fields given stand-in values.
 * A reference to a variable that is not defined fails here, where Kubernetes would silently pass it on literally.
 */
final class ContainerArgs {
    /** Stand-ins for the Downward API fields the manifests may use; anything else is a test failure. */
    static final String NODE_NAME = "node-1";
    static final String POD_NAME = "pod-1";
    static final String HOST_IP = "192.0.2.1";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private ContainerArgs() {
    }

    /** The expanded args; {@code namespace} is the pod's. */
    static String[] expanded(Container container, String namespace, ManifestSet manifests) {
        Map<String, String> env = environment(container, namespace, manifests);
        List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
        List<String> result = new ArrayList<>();
        for (String arg : args) {
            result.add(expand(arg, env, container.getName()));
        }
        return result.toArray(String[]::new);
    }

    /** The container's environment with every value resolved. */
    static Map<String, String> environment(Container container, String namespace, ManifestSet manifests) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
            env.put(variable.getName(), value(variable, namespace, manifests, env, container.getName()));
        }
        return env;
    }

    private static String value(EnvVar variable, String namespace, ManifestSet manifests, Map<String, String> before,
                                String container) {
        if (variable.getValueFrom() == null) {
            // Kubernetes expands references to variables defined earlier in the list.
            return expand(variable.getValue() == null ? "" : variable.getValue(), before, container);
        }
        if (variable.getValueFrom().getFieldRef() != null) {
            String path = variable.getValueFrom().getFieldRef().getFieldPath();
            return switch (path) {
                case "spec.nodeName" -> NODE_NAME;
                case "metadata.name" -> POD_NAME;
                case "metadata.namespace" -> namespace;
                case "status.hostIP", "status.podIP" -> HOST_IP;
                default -> throw new AssertionError(container + ": env " + variable.getName()
                        + " uses a Downward API field this test does not know: " + path);
            };
        }
        ConfigMapKeySelector key = variable.getValueFrom().getConfigMapKeyRef();
        if (key != null) {
            ConfigMap map = manifests.get(ConfigMap.class, namespace, key.getName());
            String data = map.getData() == null ? null : map.getData().get(key.getKey());
            if (data == null) {
                throw new AssertionError(container + ": env " + variable.getName() + " refers to key " + key.getKey()
                        + " that ConfigMap " + namespace + "/" + key.getName() + " does not have");
            }
            return data;
        }
        throw new AssertionError(container + ": env " + variable.getName() + " comes from a source this test does not "
                + "resolve (only literal values, fieldRef and configMapKeyRef)");
    }

    private static String expand(String text, Map<String, String> env, String container) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "$";
            } else if (env.containsKey(m.group(1))) {
                replacement = env.get(m.group(1));
            } else {
                throw new AssertionError(container + ": \"" + text + "\" refers to $(" + m.group(1)
                        + "), which the container's env does not define (Kubernetes would pass it literally)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
