package org.ovnl2gw.operator.ovn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link NorthboundClient} held in memory, for unit tests of what decides: logical switches by name, the
 * l2gateway ports, and every write it was asked for (so a test can say "nothing was written").
 */
public final class InMemoryNorthbound implements NorthboundClient {
    private final Map<String, Integer> switches = new HashMap<>();
    private final Map<String, GatewayPort> ports = new HashMap<>();
    private final List<DesiredGatewayPort> writes = new ArrayList<>();
    private final List<OvnChangeListener> listeners = new ArrayList<>();
    private boolean connected = true;

    public InMemoryNorthbound withSwitch(String name) {
        switches.merge(name, 1, Integer::sum);
        return this;
    }

    /** A port of that name someone else made (no mark of ours). */
    public InMemoryNorthbound withForeignPort(String portName, String logicalSwitch) {
        ports.put(portName, new GatewayPort(portName, "l2gateway", true, logicalSwitch, "other", null, "elsewhere",
                Optional.empty(), ""));
        return this;
    }

    public void setConnected(boolean connected) {
        this.connected = connected;
    }

    /** Every {@link #ensureGatewayPort} call, in order. */
    public List<DesiredGatewayPort> writes() {
        return List.copyOf(writes);
    }

    public List<OvnChangeListener> listeners() {
        return List.copyOf(listeners);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void addListener(OvnChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public int logicalSwitchCount(String name) {
        return switches.getOrDefault(name, 0);
    }

    @Override
    public Optional<GatewayPort> gatewayPort(String portName) {
        return Optional.ofNullable(ports.get(portName));
    }

    @Override
    public List<GatewayPort> ownedPorts() {
        return ports.values().stream().filter(GatewayPort::ours).toList();
    }

    @Override
    public ApplyResult ensureGatewayPort(DesiredGatewayPort desired) {
        if (!connected) {
            throw new OvnUnavailableException("not connected to OVN_Northbound");
        }
        writes.add(desired);
        GatewayPort current = ports.get(desired.portName());
        if (current != null && !current.ours()) {
            throw new PortNameTakenException(desired.portName());
        }
        if (current != null && desired.matches(current)) {
            return ApplyResult.NOOP;
        }
        ports.put(desired.portName(), new GatewayPort(desired.portName(), "l2gateway", true, desired.logicalSwitch(),
                desired.networkName(), desired.vlan(), desired.chassisName(), Optional.of(desired.resourceName()),
                String.join(",", desired.candidates())));
        return current == null ? ApplyResult.CREATED : ApplyResult.UPDATED;
    }

    @Override
    public ApplyResult deleteGatewayPort(String resourceName) {
        GatewayPort port = ports.get(OwnershipMark.portName(resourceName));
        if (port == null || !port.ownedBy(resourceName)) {
            return ApplyResult.NOOP;
        }
        ports.remove(port.name());
        return ApplyResult.DELETED;
    }
}
