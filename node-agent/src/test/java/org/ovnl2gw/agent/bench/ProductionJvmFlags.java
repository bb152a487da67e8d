package org.ovnl2gw.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ovnl2gw.testbed.ImageJvmFlags;

/**
 * The JVM flags the agent runs with in production, read from the files that set them, so the benchmark
 * follows when they change: the flags of the image's {@code ENTRYPOINT} ({@link ImageJvmFlags}), plus what
 * the DaemonSet's memory limit does to the JVM inside its container. There the JVM
 * takes the limit as the machine's memory: the heap is {@code MaxRAMPercentage} of it, and below 1792 MB
 * the JVM is no "server class machine" and picks the Serial collector. Outside a container
 * {@code -XX:MaxRAM} gives the first but not the second (the collector is chosen from the real memory), so
 * both are spelled out.
 */
final class ProductionJvmFlags {
    private static final Pattern MEMORY_LIMIT = Pattern.compile("limits:\\s*\\n\\s*memory:\\s*(\\d+)(Mi|Gi)");
    private static final long SERVER_CLASS_MB = 1792;

    private ProductionJvmFlags() {
    }

    static List<String> read(Path dockerfile, Path daemonSet) {
        return of(readString(dockerfile), readString(daemonSet));
    }

    /** The environment the image's {@code ENV} lines set ({@link ImageJvmFlags#parseEnvironment}). */
    static Map<String, String> environment(Path dockerfile) {
        return ImageJvmFlags.parseEnvironment(readString(dockerfile));
    }

    static List<String> of(String dockerfile, String daemonSet) {
        List<String> flags = new ArrayList<>(ImageJvmFlags.parse(dockerfile));
        Matcher limit = MEMORY_LIMIT.matcher(daemonSet);
        if (limit.find()) {
            long mb = Long.parseLong(limit.group(1)) * (limit.group(2).equals("Gi") ? 1024 : 1);
            flags.add("-XX:MaxRAM=" + mb + "m");
            boolean gcChosen = flags.stream().anyMatch(f -> f.matches("-XX:\\+Use\\w+GC"));
            if (mb < SERVER_CLASS_MB && !gcChosen) {
                flags.add("-XX:+UseSerialGC");
            }
        }
        return flags;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (run from the repository root)", e);
        }
    }
}
