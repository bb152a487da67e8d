package org.ovnl2gw.operator.ops;

import java.util.List;

/** A named metric with its help text, Prometheus type and current samples. */
public record MetricFamily(String name, String help, Type type, List<MetricSample> samples) {

    /** The Prometheus metric types we expose. */
    public enum Type {
        COUNTER, GAUGE, SUMMARY;

        String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MetricFamily {
        samples = List.copyOf(samples);
    }

    /** Appends this family in the Prometheus text exposition format (version 0.0.4). */
    void writeTo(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type.text()).append('\n');
        for (MetricSample sample : samples) {
            out.append(name).append(sample.suffix());
            if (!sample.labels().isEmpty()) {
                out.append('{');
                boolean first = true;
                for (var label : sample.labels().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(label.getKey()).append("=\"").append(escapeLabel(label.getValue())).append('"');
                }
                out.append('}');
            }
            out.append(' ').append(number(sample.value())).append('\n');
        }
    }

    private static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escapeHelp(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
