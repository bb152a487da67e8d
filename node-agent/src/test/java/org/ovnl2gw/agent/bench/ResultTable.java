package org.ovnl2gw.agent.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ovnl2gw.agent.bench.Samples.Kind;

/**
 * The markdown table of a run: per figure, ovn-controller's and the agent's p50 / p90 / max (or the one
 * value), and the agent's p50 (and p90) as a multiple of ovn-controller's.
 */
final class ResultTable {
    /** One row: which samples, what to call them, how to print them. */
    record Row(String figure, String label, String unit, int decimals) {
    }

    private final List<Row> rows = new ArrayList<>();

    ResultTable row(String figure, String label, String unit, int decimals) {
        rows.add(new Row(figure, label, unit, decimals));
        return this;
    }

    String render(Samples samples) {
        StringBuilder out = new StringBuilder();
        out.append("| figure | n | ovn-controller p50 / p90 / max | node agent p50 / p90 / max | agent / ovn-controller p50 (p90) |\n");
        out.append("|---|---|---|---|---|\n");
        for (Row row : rows) {
            List<Double> ovn = samples.of(row.figure(), Kind.OVN_CONTROLLER);
            List<Double> agent = samples.of(row.figure(), Kind.AGENT);
            if (ovn.isEmpty() && agent.isEmpty()) {
                continue;
            }
            if (row.decimals() < 0) {
                out.append("| ").append(row.label()).append(" | ").append(count(ovn, agent)).append(" | ")
                        .append(sum(ovn)).append(" | ").append(sum(agent)).append(" | |\n");
                continue;
            }
            out.append("| ").append(row.label()).append(" | ").append(count(ovn, agent)).append(" | ")
                    .append(stats(ovn, row)).append(" | ").append(stats(agent, row)).append(" | ")
                    .append(ratio(ovn, agent)).append(" |\n");
        }
        return out.toString();
    }

    /** A row that counts events (samples 0 or 1): how many of the reps had it. */
    ResultTable countRow(String figure, String label) {
        rows.add(new Row(figure, label, "", -1));
        return this;
    }

    private static String sum(List<Double> values) {
        return values.isEmpty() ? "-" : Math.round(values.stream().mapToDouble(Double::doubleValue).sum()) + " of " + values.size();
    }

    private static String count(List<Double> ovn, List<Double> agent) {
        return ovn.size() == agent.size() || ovn.isEmpty() ? Integer.toString(agent.size())
                : agent.isEmpty() ? Integer.toString(ovn.size()) : ovn.size() + " / " + agent.size();
    }

    private static String stats(List<Double> values, Row row) {
        if (values.isEmpty()) {
            return "-";
        }
        if (values.size() == 1) {
            return format(values.get(0), row);
        }
        return format(Samples.percentile(values, 0.5), row) + " / " + format(Samples.percentile(values, 0.9), row)
                + " / " + format(Samples.percentile(values, 1.0), row);
    }

    private static String format(double v, Row row) {
        String number = String.format(Locale.ROOT, "%,." + row.decimals() + "f", v);
        return row.unit().isEmpty() ? number : number + " " + row.unit();
    }

    private static String ratio(List<Double> ovn, List<Double> agent) {
        if (ovn.isEmpty() || agent.isEmpty()) {
            return "";
        }
        String p50 = times(Samples.percentile(agent, 0.5), Samples.percentile(ovn, 0.5));
        if (ovn.size() == 1 || agent.size() == 1) {
            return p50;
        }
        return p50 + " (" + times(Samples.percentile(agent, 0.9), Samples.percentile(ovn, 0.9)) + ")";
    }

    private static String times(double agent, double ovn) {
        return ovn <= 0 ? "-" : String.format(Locale.ROOT, "%.2fx", agent / ovn);
    }
}
