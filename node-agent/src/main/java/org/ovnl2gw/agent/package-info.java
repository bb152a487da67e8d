/**
 * The node agent: wiring ({@link org.ovnl2gw.agent.Main}), options, and the gateway chassis loop
 * ({@link org.ovnl2gw.agent.GatewayAgent}). Each pass is one of two kinds: {@link org.ovnl2gw.agent.AgentModePass}
 * when this node's chassis is ours (Southbound + local state -> roles -> claims and ports -> flows ->
 * announcements), {@link org.ovnl2gw.agent.CompanionModePass} where ovn-controller is the chassis (reports and
 * announcements only, see {@link org.ovnl2gw.agent.chassis.ChassisMode}). The other packages are the duties those
 * passes call on: chassis (Southbound rows and claims), bridge (local OVS), dataplane (plan and flows), openflow
 * (the protocol), mappings (BridgeMappings), loop (how every controller here runs).
 */
package org.ovnl2gw.agent;
