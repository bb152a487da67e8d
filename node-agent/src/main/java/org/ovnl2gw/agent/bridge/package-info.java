/**
 * The node's local Open vSwitch, through its OVSDB: a read view of its bridges and ports
 * ({@link org.ovnl2gw.agent.bridge.LocalSwitch}), one way to make the ports of one owner match a desired list
 * ({@link org.ovnl2gw.agent.bridge.LocalPortsManager}: the gateway's patch pairs and Geneve tunnels, the
 * BridgeMappings' uplinks), BFD configuration and status on tunnels, and the wait for OVS to number new ports.
 *
 * <p>Ownership: every bridge, port and interface created here carries {@code external_ids:ovn-l2gw-owner};
 * we change and delete only what carries it.
 */
package org.ovnl2gw.agent.bridge;
