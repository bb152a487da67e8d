package org.ovnl2gw.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageJvmFlagsTest {
    @Test
    void readsTheFlagsBetweenJavaAndJar() {
        assertEquals(List.of("-Xmx48m", "-XX:+UseSerialGC"), ImageJvmFlags.parse(
                "FROM x\nENTRYPOINT [\"java\", \"-Xmx48m\", \"-XX:+UseSerialGC\", \"-jar\", \"/opt/a.jar\"]\n"));
    }

    @Test
    void refusesAnEntrypointThatIsNotJavaDashJar() {
        assertThrows(IllegalArgumentException.class, () -> ImageJvmFlags.parse("ENTRYPOINT /bin/sh -c x\n"));
        assertThrows(IllegalArgumentException.class, () -> ImageJvmFlags.parse("ENTRYPOINT [\"sh\", \"-jar\"]\n"));
    }

    @Test
    void readsTheEnvLines() {
        assertEquals(Map.of("MALLOC_ARENA_MAX", "2", "A", "x y", "B", ""), ImageJvmFlags.parseEnvironment(
                "FROM x\nENV MALLOC_ARENA_MAX=2\nENV A=\"x y\" B=\nENTRYPOINT [\"java\", \"-jar\", \"a\"]\n"));
        assertEquals(Map.of(), ImageJvmFlags.parseEnvironment("FROM x\n"));
        assertThrows(IllegalArgumentException.class, () -> ImageJvmFlags.parseEnvironment("ENV LEGACY form\n"));
    }

    @Test
    void bothImagesBoundTheHeap() {
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        for (String image : List.of("node-agent", "operator")) {
            List<String> flags = ImageJvmFlags.of(repo, image);
            assertTrue(flags.stream().anyMatch(f -> f.startsWith("-Xmx") || f.startsWith("-XX:MaxRAMPercentage")),
                    image + ": " + flags);
            ImageJvmFlags.environmentOf(repo, image); // parses
        }
    }
}
