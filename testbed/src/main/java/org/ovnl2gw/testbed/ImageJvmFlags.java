package org.ovnl2gw.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags a program's container image starts it with, read from the {@code ENTRYPOINT ["java", <flags>...,
 * "-jar", ...]} of {@code images/<name>/Dockerfile}: the sandbox and the benchmarks run our programs as the images
 * do, and the flags (chosen by measurement, see the README's benchmark table) are written in one place.
 */
public final class ImageJvmFlags {
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s*\\[(.*)]\\s*$");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"");

    private ImageJvmFlags() {
    }

    /** The flags of {@code images/<image>/Dockerfile} below {@code repo}. */
    public static List<String> of(Path repo, String image) {
        Path dockerfile = repo.resolve("images").resolve(image).resolve("Dockerfile");
        try {
            return parse(Files.readString(dockerfile));
        } catch (IOException | IllegalArgumentException e) {
            throw new TestbedException("cannot read the JVM flags of " + dockerfile + ": " + e.getMessage());
        }
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
}
