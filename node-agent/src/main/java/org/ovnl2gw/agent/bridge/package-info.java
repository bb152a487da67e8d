/**
 * The node's local Open vSwitch, through its OVSDB: the ports the gateway needs on br-int (patch pairs,
 * Geneve tunnels) and the bridges, uplinks and {@code ovn-bridge-mappings} entries BridgeMappings ask for.
 *
 * <p>Ownership: every bridge, port and interface we create carries {@code external_ids:ovn-l2gw-owner};
 * we change and delete only what carries it, and merge our bridge mapping entries into
 * {@code ovn-bridge-mappings} beside everyone else's, remembering ours under
 * {@code external_ids:ovn-l2gw-bridge-mappings}.
 */
package org.ovnl2gw.agent.bridge;
