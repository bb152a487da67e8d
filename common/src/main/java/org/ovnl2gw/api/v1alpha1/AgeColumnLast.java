package org.ovnl2gw.api.v1alpha1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step after fabric8's crd-generator: moves the {@code Age} printer column to the end of each version's
 * {@code additionalPrinterColumns}, where kubectl users expect it. kube-apiserver prints the columns in the CRD's
 * order, and the generator sorts them by JSON path, which puts {@code .metadata.creationTimestamp} before every
 * {@code .spec} and {@code .status} column; no annotation changes that. The generator's YAML layout is fixed, so
 * the move is done on lines: the entry holding {@code jsonPath: .metadata.creationTimestamp} goes after the last
 * entry of its list. {@code crds/update} runs it on the copies in {@code crds/}, and {@code CrdsAreCurrentTest}
 * applies the same step to the generator's output before comparing (no Maven plugin that could run it is in the
 * offline build's cache). The generator's own copy in {@code target/classes/META-INF/fabric8} stays as generated.
 */
public final class AgeColumnLast {
    private static final String LIST = "  - additionalPrinterColumns:";
    private static final String ENTRY = "    - ";
    private static final String INSIDE = "      ";
    private static final String AGE_PATH = "jsonPath: .metadata.creationTimestamp";

    private AgeColumnLast() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> moved = reorder(lines);
                if (!moved.equals(lines)) {
                    Files.write(file, moved, StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** The CRD YAML {@code lines} with each version's Age column last. */
    static List<String> reorder(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i++);
            out.add(line);
            if (!line.equals(LIST)) {
                continue;
            }
            List<List<String>> entries = new ArrayList<>();
            while (i < lines.size() && (lines.get(i).startsWith(ENTRY) || lines.get(i).startsWith(INSIDE))) {
                if (lines.get(i).startsWith(ENTRY)) {
                    entries.add(new ArrayList<>());
                }
                entries.get(entries.size() - 1).add(lines.get(i++));
            }
            List<List<String>> age = entries.stream()
                    .filter(entry -> entry.stream().anyMatch(l -> l.strip().replaceFirst("^- ", "").equals(AGE_PATH)))
                    .toList();
            entries.removeAll(age);
            entries.addAll(age);
            entries.forEach(out::addAll);
        }
        return out;
    }
}
