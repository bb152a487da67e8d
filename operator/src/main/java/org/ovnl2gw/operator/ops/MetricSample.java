package org.ovnl2gw.operator.ops;

import java.util.Map;
import java.util.TreeMap;

/** One value of a metric family with its labels, as one line of the Prometheus text format. */
public record MetricSample(String suffix, Map<String, String> labels, double value) {

    public MetricSample {
        // sorted, so the exposition is stable from scrape to scrape
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public static MetricSample of(double value) {
        return new MetricSample("", Map.of(), value);
    }

    public static MetricSample of(String labelName, String labelValue, double value) {
        return new MetricSample("", Map.of(labelName, labelValue), value);
    }
}
