package org.ovnl2gw.operator.ovn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SouthboundClient} held in memory, for unit tests: chassis as the operator sees them, their tunnel
 * endpoints, the bindings ovn-northd made and who claimed them, and what agents publish.
 */
public final class InMemorySouthbound implements SouthboundClient {
    private final Map<String, ChassisInfo> chassis = new LinkedHashMap<>();
    private final Map<String, Set<String>> encapIps = new HashMap<>();
    private final Map<String, PortBindingState> bindings = new HashMap<>();
    private final List<ChassisPublication> publications = new ArrayList<>();
    private final List<OvnChangeListener> listeners = new ArrayList<>();
    private boolean connected = true;

    /** Adds or replaces a chassis, with its tunnel endpoint. */
    public InMemorySouthbound withChassis(ChassisInfo info, String encapIp) {
        chassis.put(info.name(), info);
        encapIps.put(info.name(), Set.of(encapIp));
        return this;
    }

    public InMemorySouthbound withoutChassis(String name) {
        chassis.remove(name);
        encapIps.remove(name);
        return this;
    }

    /** The Port_Binding of an l2gateway port, as ovn-northd made it (unbound) or a chassis claimed it. */
    public InMemorySouthbound withBinding(String logicalPort, Optional<String> chassisName, boolean up) {
        bindings.put(logicalPort, new PortBindingState(logicalPort, chassisName, up));
        return this;
    }

    public InMemorySouthbound withPublication(ChassisPublication publication) {
        publications.add(publication);
        return this;
    }

    public void setConnected(boolean connected) {
        this.connected = connected;
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
    public List<ChassisInfo> chassis() {
        return List.copyOf(chassis.values());
    }

    @Override
    public Map<String, Set<String>> encapIps() {
        return Map.copyOf(encapIps);
    }

    @Override
    public List<ChassisPublication> agentPublications() {
        return List.copyOf(publications);
    }

    @Override
    public Optional<PortBindingState> portBinding(String logicalPort) {
        return Optional.ofNullable(bindings.get(logicalPort));
    }
}
