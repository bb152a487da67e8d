package org.ovnl2gw.agent.bridge;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.Operations;

/**
 * The rows of a new bridge as {@code ovs-vsctl add-br} makes them: the Bridge, its local port and internal
 * interface of the same name (without which the bridge has no local port and tools that address it as an
 * Interface fail). Only the Bridge carries our mark: its local port goes with it, and must not look like
 * one of the owner's ports that a port diff would delete.
 */
public final class NewBridge {
    private NewBridge() {
    }

    /** Operations creating bridge {@code name}; {@code columns} are extra Bridge columns (e.g. fail_mode). */
    public static List<Operation> operations(String uuidName, String name, Map<String, String> columns,
                                      Map<String, String> otherConfig, Map<String, String> externalIds) {
        Operation.Insert iface = Operations.insert("Interface").uuidName(uuidName + "i").set("name", name)
                .set("type", "internal");
        Operation.Insert port = Operations.insert("Port").uuidName(uuidName + "p").set("name", name)
                .set("interfaces", Set.of(iface.namedUuid()));
        Operation.Insert bridge = Operations.insert("Bridge").uuidName(uuidName).set("name", name)
                .set("ports", Set.of(port.namedUuid())).set("other_config", otherConfig)
                .set("external_ids", externalIds);
        columns.forEach(bridge::set);
        return List.of(iface, port, bridge,
                Operations.mutate("Open_vSwitch").whereAll().insert("bridges", Set.of(bridge.namedUuid())));
    }
}
