package org.ovnl2gw.ovsdb;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The results of a successful transaction, one per operation in order. */
public final class TransactResult {
    private final List<OperationResult> results;
    private final Map<String, Uuid> namedUuids;

    TransactResult(List<OperationResult> results, Map<String, Uuid> namedUuids) {
        this.results = List.copyOf(results);
        this.namedUuids = Map.copyOf(namedUuids);
    }

    public List<OperationResult> results() {
        return results;
    }

    public OperationResult get(int index) {
        return results.get(index);
    }

    /** The real uuid the server gave the row inserted with this uuid-name. */
    public Uuid uuidOf(String uuidName) {
        Uuid u = namedUuids.get(uuidName);
        if (u == null) {
            throw new NoSuchElementException("no insert with uuid-name " + uuidName + " in this transaction");
        }
        return u;
    }

    public Uuid uuidOf(NamedUuid named) {
        return uuidOf(named.name());
    }

    /** Rows returned by the select at this index. */
    public List<Row> rows(int index) {
        return results.get(index).rows();
    }

    /** Rows touched by the update/mutate/delete at this index. */
    public long count(int index) {
        return results.get(index).count().orElseThrow(() -> new NoSuchElementException("operation " + index + " has no count"));
    }

    @Override
    public String toString() {
        return "TransactResult" + results;
    }
}
