package org.ovnl2gw.operator.ovn;

import java.util.List;
import java.util.Optional;

/** The Southbound DB as the L2Gateway reconciler needs it: chassis to choose from, and the binding of our ports. */
public interface SouthboundClient {

    boolean isConnected();

    /** Tells {@code listener} of changes that may change a gateway's outcome (called on the OVSDB event thread). */
    void addListener(OvnChangeListener listener);

    /** Every chassis row, with what it publishes. */
    List<ChassisInfo> chassis();

    /** The Port_Binding ovn-northd made for that l2gateway port, if it has. */
    Optional<PortBindingState> portBinding(String logicalPort);

}
