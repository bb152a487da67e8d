package org.ovnl2gw.operator.ovn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** The Southbound DB as the L2Gateway reconciler needs it: chassis to choose from, and the binding of our ports. */
public interface SouthboundClient {

    boolean isConnected();

    /** Tells {@code listener} of changes that may change a gateway's outcome (called on the OVSDB event thread). */
    void addListener(OvnChangeListener listener);

    /** Every chassis row, with what it publishes. */
    List<ChassisInfo> chassis();

    /**
     * The tunnel endpoint addresses each chassis registered, by chassis name: {@code Encap.ip} by
     * {@code Encap.chassis_name}, the column OVN's RBAC ties to the writer's certificate CN.
     */
    Map<String, Set<String>> encapIps();

    /**
     * What our agents publish about BridgeMappings, a publication per chassis: every Chassis row's
     * {@code other_config} with its {@code external_ids}, and for an agent in companion mode (ovn-controller owns
     * the Chassis row) its {@code Chassis_Private} {@code external_ids}, marked as our agent's.
     */
    List<ChassisPublication> agentPublications();

    /** The Port_Binding ovn-northd made for that l2gateway port, if it has. */
    Optional<PortBindingState> portBinding(String logicalPort);

}
