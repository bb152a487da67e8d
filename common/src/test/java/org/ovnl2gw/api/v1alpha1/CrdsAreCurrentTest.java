package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when the committed crds/*.yml differ from what the crd-generator plugin
 * made from the Java model in this very build (with the Age column moved last, {@link AgeColumnLast}), so a
 * model change cannot ship without its CRD.
 */
class CrdsAreCurrentTest {

    private static final String REFRESH = "refresh them with: crds/update "
            + "(runs the generator, copies common/target/classes/META-INF/fabric8/*.yml to crds/ and moves the Age "
            + "printer column last there)";

    @Test
    void committedCrdsAreExactlyTheGeneratedOnes() throws IOException {
        Path generated = RepositoryPaths.generatedCrds();
        Path committed = RepositoryPaths.root().resolve("crds");

        assertEquals(yamlFiles(generated), yamlFiles(committed),
                "crds/ must hold exactly the generated CRD files; " + REFRESH);
        for (String file : yamlFiles(generated)) {
            List<String> want = AgeColumnLast.reorder(Files.readAllLines(generated.resolve(file)));
            List<String> have = Files.readAllLines(committed.resolve(file));
            if (!want.equals(have)) {
                fail("crds/" + file + " is stale: " + firstDifference(want, have) + "; " + REFRESH);
            }
        }
    }

    private static List<String> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".yml")).sorted().toList();
        }
    }

    private static String firstDifference(List<String> want, List<String> have) {
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "<end of file>";
            String h = i < have.size() ? have.get(i) : "<end of file>";
            if (!w.equals(h)) {
                return "line " + (i + 1) + " is \"" + h + "\" but the model generates \"" + w + "\"";
            }
        }
        return "they differ";
    }
}
