/**
 * The node agent: wiring ({@link org.ovnl2gw.agent.Main}), options, and the gateway chassis reconcile loop
 * ({@link org.ovnl2gw.agent.GatewayAgent}) that ties the chassis, bridge, dataplane and openflow packages
 * together; on a node where ovn-controller is the chassis the same loop runs in companion mode (reports and
 * announcements only, see {@link org.ovnl2gw.agent.chassis.ChassisMode}).
 */
package org.ovnl2gw.agent;
