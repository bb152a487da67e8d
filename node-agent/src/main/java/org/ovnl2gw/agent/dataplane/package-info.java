/**
 * What the gateway chassis must look like, computed from the Southbound view and the local bridge
 * mappings: patch port pairs, Geneve tunnels and the OpenFlow rules of the l2gateway data path.
 *
 * <p>Everything here is pure: {@link org.ovnl2gw.agent.dataplane.GatewayPlanner} turns a
 * {@link org.ovnl2gw.agent.dataplane.SouthboundView} into a {@link org.ovnl2gw.agent.dataplane.GatewayPlan},
 * and {@link org.ovnl2gw.agent.dataplane.GatewayFlows} turns a plan plus the OpenFlow port numbers OVS
 * assigned into the complete desired flow set. Appliers elsewhere diff that against what is installed.
 * See DESIGN.md beside this file for the table layout.
 */
package org.ovnl2gw.agent.dataplane;
