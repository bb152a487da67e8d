package org.ovnl2gw.agent.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every sample of the run, kept for the table and written at once, one line each, to a TSV file
 * ({@code figure kind rep value unit}), so a run that fails half way still leaves what it measured.
 */
final class Samples implements AutoCloseable {
    /** Which gateway a sample is of. */
    enum Kind {
        OVN_CONTROLLER("ovn-controller"), AGENT("node-agent");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Path file;
    private final BufferedWriter out;
    private final Map<String, Map<Kind, List<Double>>> values = new LinkedHashMap<>();

    Samples(Path file) {
        this.file = file;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            out = Files.newBufferedWriter(file);
            out.write("figure\tgateway\trep\tvalue\tunit\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    Path file() {
        return file;
    }

    synchronized void add(String figure, Kind kind, int rep, double value, String unit) {
        values.computeIfAbsent(figure, f -> new LinkedHashMap<>()).computeIfAbsent(kind, k -> new ArrayList<>()).add(value);
        try {
            out.write(String.format(Locale.ROOT, "%s\t%s\t%d\t%.3f\t%s%n", figure, kind.label, rep, value, unit));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A figure's samples of one gateway, in the order taken (empty when none). */
    synchronized List<Double> of(String figure, Kind kind) {
        return List.copyOf(values.getOrDefault(figure, Map.of()).getOrDefault(kind, List.of()));
    }

    /** Nearest-rank percentile ({@code q} in (0, 1]) of unsorted samples. */
    static double percentile(List<Double> samples, double q) {
        List<Double> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
