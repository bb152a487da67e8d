package org.ovnl2gw.ovsdb;

import java.util.List;
import java.util.Optional;

/**
 * The reply to monitor_cond_since / monitor_cond.
 *
 * @param found true when the server resumed from the given transaction id: the updates are then only
 *     the changes since it; false means the updates are the full initial contents
 * @param lastTxnId the id to resume from next time; empty when the server does not track them
 *     (standalone databases answer all zeros, monitor_cond has none)
 */
public record MonitorResult(boolean found, Optional<String> lastTxnId, List<RowUpdate> updates) {
    public MonitorResult {
        updates = List.copyOf(updates);
    }
}
