package org.ovnl2gw.testbed.kube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as kubectl prints it, read back by column position: kubectl aligns columns with at least three spaces
 * and headers never contain two spaces in a row, so each header's start marks its column, and empty cells stay
 * empty instead of shifting the rest of the row.
 */
record PrintedTable(List<String> headers, List<Map<String, String>> rows) {

    /** Every table in kubectl's output, in order (it separates the tables of several kinds by a blank line). */
    static List<PrintedTable> allIn(String output) {
        List<PrintedTable> tables = new ArrayList<>();
        for (String block : output.strip().split("\n\\s*\n")) {
            tables.add(parse(block));
        }
        return tables;
    }

    /** The only table in kubectl's output. */
    static PrintedTable of(String output) {
        List<PrintedTable> tables = allIn(output);
        if (tables.size() != 1) {
            throw new AssertionError("expected one table, got " + tables.size() + ":\n" + output);
        }
        return tables.get(0);
    }

    private static PrintedTable parse(String block) {
        String[] lines = block.split("\n");
        List<String> headers = List.of(lines[0].strip().split(" {2,}"));
        int[] starts = new int[headers.size()];
        int from = 0;
        for (int i = 0; i < headers.size(); i++) {
            starts[i] = lines[0].indexOf(headers.get(i), from);
            from = starts[i] + headers.get(i).length();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int line = 1; line < lines.length; line++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                String text = lines[line];
                int start = Math.min(starts[i], text.length());
                int end = i + 1 < headers.size() ? Math.min(starts[i + 1], text.length()) : text.length();
                row.put(headers.get(i), text.substring(start, end).strip());
            }
            rows.add(row);
        }
        return new PrintedTable(headers, rows);
    }

    /** The row whose first column (NAME) is {@code name}. */
    Map<String, String> row(String name) {
        return rows.stream()
                .filter(row -> row.get(headers.get(0)).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows));
    }
}
