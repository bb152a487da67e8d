package org.ovnl2gw.ovsdb;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one successful operation returned: the new row's uuid (insert), the rows (select), or the
 * number of rows touched (update, mutate, delete).
 */
public record OperationResult(Optional<Uuid> uuid, List<Row> rows, OptionalLong count) {
    public OperationResult {
        rows = List.copyOf(rows);
    }

    static OperationResult empty() {
        return new OperationResult(Optional.empty(), List.of(), OptionalLong.empty());
    }
}
