package org.ovnl2gw.api.v1alpha1;

import java.util.List;

/**
 * The condition types the operator sets. All are positive ("True" is good) and every owned
 * type is set on the first visit, so a reader never has to guess what a missing one means.
 */
public final class ConditionTypes {

    /** L2Gateway: the spec is valid and what it names (the logical switch) exists. BridgeMapping: the spec is valid. */
    public static final String ACCEPTED = "Accepted";
    /** L2Gateway: the Northbound l2gateway Logical_Switch_Port is as the spec wants it. */
    public static final String PROGRAMMED = "Programmed";
    /** L2Gateway: the Southbound Port_Binding is bound to the chosen gateway chassis and up. */
    public static final String BOUND = "Bound";
    /** Both kinds: the summary. L2Gateway: Accepted, Programmed and Bound. BridgeMapping: every selected node applied it. */
    public static final String READY = "Ready";

    /** Every condition type an L2Gateway status carries, in display order. */
    public static final List<String> L2GATEWAY = List.of(ACCEPTED, PROGRAMMED, BOUND, READY);
    /** Every condition type a BridgeMapping status carries. */
    public static final List<String> BRIDGE_MAPPING = List.of(ACCEPTED, READY);

    private ConditionTypes() {
    }
}
