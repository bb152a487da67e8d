/**
 * This node as an OVN chassis in the Southbound database, doing what ovn-controller does for l2gateway
 * ports: registers {@code Chassis} + {@code Encap} + {@code Chassis_Private} (marked ours with
 * {@code external_ids:ovn-l2gw-owner}), beats a heartbeat the operator watches, reports {@code nb_cfg},
 * claims the l2gateway ports whose {@code options:l2gateway-chassis} names us and releases those that
 * move away. Where ovn-controller is the chassis ({@code ChassisMode.COMPANION}) none of that is
 * done: {@code CompanionReporter} publishes our keys in ovn-controller's {@code Chassis_Private} row instead.
 */
package org.ovnl2gw.agent.chassis;
