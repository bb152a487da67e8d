package org.ovnl2gw.ovsdb;

import java.util.Optional;

/**
 * A transaction the server refused. Carries the index of the failing operation (when the server named
 * one; commit-time failures such as "referential integrity violation" have none), the RFC 7047 error
 * string and the server's details.
 */
public class OvsdbTransactionException extends OvsdbException {
    private static final long serialVersionUID = 1L;
    private final int operationIndex;
    private final String error;
    private final String details;

    public OvsdbTransactionException(int operationIndex, String error, String details) {
        super("transaction failed" + (operationIndex >= 0 ? " at operation " + operationIndex : "")
                + ": " + error + (details.isEmpty() ? "" : " (" + details + ")"));
        this.operationIndex = operationIndex;
        this.error = error;
        this.details = details;
    }

    /** The failing operation, empty when the transaction failed as a whole at commit. */
    public Optional<Integer> operationIndex() {
        return operationIndex >= 0 ? Optional.of(operationIndex) : Optional.empty();
    }

    /** The RFC 7047 error, e.g. "constraint violation", "referential integrity violation". */
    public String error() {
        return error;
    }

    public String details() {
        return details;
    }
}
