package org.ovnl2gw.operator.ovn;

/**
 * What changed in OVN that may change an L2Gateway's outcome. Called on the OVSDB event thread: implementations
 * only enqueue work (trigger reconciles).
 */
public interface OvnChangeListener {
    /** A logical switch appeared, disappeared or was renamed: gateways naming it may now be accepted or not. */
    default void logicalSwitchesChanged() {
    }

    /** One of our l2gateway ports (by logical port name) changed in NB or SB. */
    default void gatewayPortChanged(String logicalPort) {
    }

    /** A chassis appeared, disappeared or changed what it publishes (not heartbeats). */
    default void chassisChanged() {
    }

    /** The client's session connected or dropped: what it reads may have changed as a whole. */
    default void connectionChanged() {
    }
}
