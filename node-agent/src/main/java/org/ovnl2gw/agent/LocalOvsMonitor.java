package org.ovnl2gw.agent;

import org.ovnl2gw.ovsdb.MonitorSpec;

/** The local Open_vSwitch tables and columns the agent watches. */
final class LocalOvsMonitor {
    private LocalOvsMonitor() {
    }

    static MonitorSpec spec() {
        return MonitorSpec.builder()
                .table("Open_vSwitch", "bridges", "external_ids", "other_config")
                .table("Bridge", "name", "ports", "external_ids", "fail_mode")
                .table("Port", "name", "interfaces", "external_ids", "tag")
                .table("Interface", "name", "type", "options", "ofport", "ofport_request", "external_ids", "bfd",
                        "bfd_status")
                .build();
    }
}
