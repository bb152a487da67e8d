package org.ovnl2gw.operator.ovn;

import java.util.List;
import java.util.Optional;

/**
 * The Northbound DB as the L2Gateway reconciler needs it. Reads answer from the monitor cache; writes are one
 * transaction each and only ever touch ports carrying our mark.
 */
public interface NorthboundClient {

    boolean isConnected();

    /** Tells {@code listener} of changes that may change a gateway's outcome (called on the OVSDB event thread). */
    void addListener(OvnChangeListener listener);

    /** How many logical switches have this name (OVN does not enforce unique names). */
    int logicalSwitchCount(String name);

    /** The l2gateway port of that name, ours or not. */
    Optional<GatewayPort> gatewayPort(String portName);

    /** Every port carrying our ownership mark. */
    List<GatewayPort> ownedPorts();

    /**
     * Makes our port exactly {@code desired} (creating it and adding it to the switch in one transaction). The
     * caller has checked, from what {@link #logicalSwitchCount} and {@link #gatewayPort} say, that the switch is
     * unique and the port absent or ours; this does not check again, the transactions guard it on the server.
     *
     * @throws PortNameTakenException when the port was taken by someone else since the caller looked
     * @throws OvnUnavailableException when the database cannot be written now
     */
    ApplyResult ensureGatewayPort(DesiredGatewayPort desired);

    /** Removes our port for that resource (only if it carries our mark for it). */
    ApplyResult deleteGatewayPort(String resourceName);
}
