package org.ovnl2gw.ovsdb;

import java.util.List;
import java.util.Optional;

/**
 * Receives a monitor's reply and its later updates, in wire order, on the connection's I/O thread:
 * implementations must only hand the work over (e.g. to an event queue), never block.
 */
public interface MonitorHandler {
    /** The monitor's reply, called before any update that follows it and before the future completes. */
    default void onReply(MonitorResult result) {
    }

    /** One update2/update3 notification; lastTxnId is present for update3 from a tracking server. */
    void onUpdate(List<RowUpdate> updates, Optional<String> lastTxnId);

    /** The server cancelled the monitor (monitor_canceled, e.g. the database was converted or removed). */
    default void onCanceled() {
    }
}
