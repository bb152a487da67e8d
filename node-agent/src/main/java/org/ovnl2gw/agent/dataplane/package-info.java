/**
 * What the gateway chassis must look like, computed from the Southbound view and the local bridge
 * mappings: patch port pairs (one per mapped bridge), Geneve tunnels and the OpenFlow rules of the l2gateway data path.
 *
 * <p>{@link org.ovnl2gw.agent.dataplane.SouthboundReader} reads the Southbound cache into the plain
 * {@link org.ovnl2gw.agent.dataplane.SouthboundView} everything here works from; each port's role (active,
 * claim, standby, release) comes from {@link org.ovnl2gw.agent.dataplane.GatewayRoles} with BFD's evidence
 * ({@link org.ovnl2gw.agent.dataplane.PeerLiveness}, {@link org.ovnl2gw.agent.dataplane.Incumbents}).
 *
 * <p>Planning is pure: {@link org.ovnl2gw.agent.dataplane.GatewayPlanner} turns a
 * {@link org.ovnl2gw.agent.dataplane.SouthboundView} into a {@link org.ovnl2gw.agent.dataplane.GatewayPlan},
 * and {@link org.ovnl2gw.agent.dataplane.GatewayFlows} turns a plan plus the OpenFlow port numbers OVS
 * assigned into the complete desired flow set. {@link org.ovnl2gw.agent.dataplane.FlowManager} is the one
 * part that talks to the switch: it diffs that set against what it installed last (checked against a dump
 * of the switch every few seconds) and applies the difference in one bundle.
 * {@link org.ovnl2gw.agent.dataplane.MacAnnouncer} announces the logical switch's addresses on the physical
 * network after a takeover (RARP/GARP packet outs with OVN's backoff, on its own thread and connection).
 * See DESIGN.md beside this file for the table layout, cookies and the flow lease.
 */
package org.ovnl2gw.agent.dataplane;
