/**
 * The node agent: wiring ({@link org.ovnl2gw.agent.Main}), options, and the gateway chassis reconcile loop
 * ({@link org.ovnl2gw.agent.GatewayAgent}) that ties the chassis, bridge, dataplane and openflow packages
 * together.
 */
package org.ovnl2gw.agent;
