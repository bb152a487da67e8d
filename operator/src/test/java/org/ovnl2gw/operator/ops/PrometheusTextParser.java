package org.ovnl2gw.operator.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the Prometheus text format back for assertions: sample lines become "name{labels}" -> value; comments
 * are checked to be HELP or TYPE lines. Strict enough that a malformed exposition fails the test.
 */
public final class PrometheusTextParser {

    private PrometheusTextParser() {
    }

    public static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (!line.startsWith("# HELP ") && !line.startsWith("# TYPE ")) {
                    throw new IllegalArgumentException("unexpected comment: " + line);
                }
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            String series = line.substring(0, space);
            if (!series.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})?")) {
                throw new IllegalArgumentException("bad series name: " + line);
            }
            samples.put(series, Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }
}
