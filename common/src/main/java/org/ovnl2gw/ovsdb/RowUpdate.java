package org.ovnl2gw.ovsdb;

import java.util.Optional;

/**
 * One row's change in a monitor update (update2/update3 "initial", "insert", "modify", "delete").
 * For {@link Kind#MODIFY} the row holds only the changed columns in diff form: apply it to the old
 * row with {@link #applyTo(Row)}. For INITIAL/INSERT the row is complete (defaults filled in); for
 * DELETE it is empty.
 */
public record RowUpdate(String table, Uuid uuid, Kind kind, Row row) {
    /** What happened to the row. */
    public enum Kind { INITIAL, INSERT, MODIFY, DELETE }

    /** The new row after this update, given the row before it (empty before an insert). */
    public Optional<Row> applyTo(Optional<Row> old) {
        return switch (kind) {
            case INITIAL, INSERT -> Optional.of(row);
            case DELETE -> Optional.empty();
            case MODIFY -> Optional.of(RowDiff.apply(old.orElseThrow(() -> new OvsdbProtocolException(
                    "modify of unknown row " + table + " " + uuid)), row));
        };
    }

    public Row applyTo(Row old) {
        return applyTo(Optional.of(old)).orElseThrow();
    }
}
