package org.ovnl2gw.operator.bridgemapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.ConnectionListener;
import org.ovnl2gw.ovsdb.MonitorSpec;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.Row;

/**
 * The agents' reports as the Southbound DB holds them: in our own {@code Chassis} rows' {@code other_config}, and,
 * for an agent in companion mode beside ovn-controller (which owns the Chassis row), in the {@code external_ids}
 * of ovn-controller's {@code Chassis_Private} row. Read from the session's monitor cache (never a round trip per
 * reconcile), with a signal when they change (a heartbeat alone is no change).
 */
public final class SouthboundAgentReports {
    private static final String CHASSIS = "Chassis";
    private static final String CHASSIS_PRIVATE = "Chassis_Private";
    private static final List<String> REPORT_COLUMNS = List.of("name", "other_config", "external_ids");

    private final OvsdbSession southbound;

    public SouthboundAgentReports(OvsdbSession southbound) {
        this.southbound = southbound;
    }

    /** Adds what this reads to a Southbound monitor (the session, and so its monitor, may be shared). */
    public static MonitorSpec.Builder monitor(MonitorSpec.Builder southboundMonitor) {
        return southboundMonitor.table(CHASSIS, REPORT_COLUMNS.toArray(String[]::new))
                .table(CHASSIS_PRIVATE, "name", "external_ids");
    }

    /** Every agent's report now, or empty while the Southbound database is not connected. */
    public Optional<AgentReportsSnapshot> snapshot() {
        if (!southbound.isConnected()) {
            return Optional.empty();
        }
        List<AgentReport> reports = new ArrayList<>();
        for (Row chassis : southbound.cache().rows(CHASSIS)) {
            AgentReportParser.parse(chassis.getString("name"), chassis.getStringMap("other_config"),
                    chassis.getStringMap("external_ids")).ifPresent(reports::add);
        }
        for (Row priv : southbound.cache().rows(CHASSIS_PRIVATE)) {
            Map<String, String> ids = priv.getStringMap("external_ids");
            if (ChassisKeys.companion(ids)) {
                AgentReportParser.parse(priv.getString("name"), ids, ChassisKeys.agentMark()).ifPresent(reports::add);
            }
        }
        return Optional.of(new AgentReportsSnapshot(reports));
    }

    /**
     * Calls {@code changed} (on the session's event thread: it must only enqueue work) whenever a report may
     * have changed: a Chassis row came, went or changed what we read, or the session (re)connected or dropped.
     */
    public void onChange(Runnable changed) {
        southbound.addCacheListener(new CacheListener() {
            @Override
            public void onInsert(Row row) {
                if (CHASSIS.equals(row.table()) || CHASSIS_PRIVATE.equals(row.table())) {
                    changed.run();
                }
            }

            @Override
            public void onUpdate(Row oldRow, Row newRow) {
                if ((CHASSIS.equals(newRow.table()) || CHASSIS_PRIVATE.equals(newRow.table()))
                        && reportChanged(oldRow, newRow)) {
                    changed.run();
                }
            }

            @Override
            public void onDelete(Row row) {
                if (CHASSIS.equals(row.table()) || CHASSIS_PRIVATE.equals(row.table())) {
                    changed.run();
                }
            }
        });
        southbound.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(String peer, boolean resumed) {
                changed.run();
            }

            @Override
            public void onDisconnected(String reason) {
                changed.run();
            }
        });
    }

    private static boolean reportChanged(Row oldRow, Row newRow) {
        for (String column : REPORT_COLUMNS) {
            Object before = oldRow.has(column) ? value(oldRow, column) : null;
            Object after = newRow.has(column) ? value(newRow, column) : null;
            if (!Objects.equals(before, after)) {
                return true;
            }
        }
        return false;
    }

    private static Object value(Row row, String column) {
        if (column.equals("name")) {
            return row.getString(column);
        }
        Map<String, String> map = new java.util.HashMap<>(row.getStringMap(column));
        map.remove(ChassisKeys.HEARTBEAT); // advanced every few seconds: no report in it
        return map;
    }
}
