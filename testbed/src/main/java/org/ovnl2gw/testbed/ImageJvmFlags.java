package org.ovnl2gw.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a program's container image starts its JVM, read from {@code images/<name>/Dockerfile}: the flags of the
 * {@code ENTRYPOINT ["java", <flags>..., "-jar", ...]} and the variables of its {@code ENV} lines (e.g. glibc's
 * {@code MALLOC_ARENA_MAX}). The sandbox and the benchmarks run our programs as the images do, and the settings
 * (chosen by measurement, see the README's benchmark table) are written in one place.
 */
public final class ImageJvmFlags {
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s*\\[(.*)]\\s*$");
    private static final Pattern ENV = Pattern.compile("(?m)^ENV\\s+(.*?)\\s*$");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    private ImageJvmFlags() {
    }

    /** The flags of {@code images/<image>/Dockerfile} below {@code repo}. */
    public static List<String> of(Path repo, String image) {
        return read(repo, image, ImageJvmFlags::parse);
    }

    /** The environment of {@code images/<image>/Dockerfile} below {@code repo}. */
    public static Map<String, String> environmentOf(Path repo, String image) {
        return read(repo, image, ImageJvmFlags::parseEnvironment);
    }

    /** The words between {@code java} and {@code -jar} of the Dockerfile's exec-form ENTRYPOINT. */
    public static List<String> parse(String dockerfile) {
        Matcher m = ENTRYPOINT.matcher(dockerfile);
        if (!m.find()) {
            throw new IllegalArgumentException("no exec-form ENTRYPOINT");
        }
        List<String> words = new ArrayList<>();
        Matcher w = WORD.matcher(m.group(1));
        while (w.find()) {
            words.add(w.group(1));
        }
        int jar = words.indexOf("-jar");
        if (words.isEmpty() || !words.get(0).equals("java") || jar < 0) {
            throw new IllegalArgumentException("ENTRYPOINT is not [\"java\", <flags>..., \"-jar\", <jar>]");
        }
        return List.copyOf(words.subList(1, jar));
    }

    /** The {@code KEY=VALUE} pairs of every {@code ENV} line (a quoted value loses its quotes; a later line wins). */
    public static Map<String, String> parseEnvironment(String dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher line = ENV.matcher(dockerfile);
        while (line.find()) {
            String assignments = line.group(1);
            Matcher a = ASSIGNMENT.matcher(assignments);
            int end = 0;
            while (a.find() && a.start() == end) {
                env.put(a.group(1), a.group(2).replaceAll("^\"|\"$", ""));
                end = skipSpaces(assignments, a.end());
            }
            if (end != assignments.length()) {
                throw new IllegalArgumentException("ENV is not KEY=VALUE...: " + assignments);
            }
        }
        return Collections.unmodifiableMap(env);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static <T> T read(Path repo, String image, Function<String, T> parser) {
        Path dockerfile = repo.resolve("images").resolve(image).resolve("Dockerfile");
        try {
            return parser.apply(Files.readString(dockerfile));
        } catch (IOException | IllegalArgumentException e) {
            throw new TestbedException("cannot read the JVM settings of " + dockerfile + ": " + e.getMessage());
        }
    }
}
