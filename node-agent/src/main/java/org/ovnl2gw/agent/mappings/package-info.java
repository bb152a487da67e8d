/**
 * BridgeMappings on this node: watches the BridgeMapping resources (read-only) and the node's labels, makes the
 * bridges, uplinks and {@code ovn-bridge-mappings} entries of those that select this node, and hands the
 * per-BridgeMapping results to the gateway loop, which publishes them in our Southbound rows for the operator.
 *
 * <p>Ownership: every bridge and uplink port made here carries {@code external_ids:ovn-l2gw-owner=bridge-mapping};
 * our {@code ovn-bridge-mappings} entries are merged beside everyone else's and remembered under
 * {@code external_ids:ovn-l2gw-bridge-mappings}, so removing a mapping removes exactly what it added.
 */
package org.ovnl2gw.agent.mappings;
