/**
 * BridgeMapping status. The node agents apply BridgeMappings and publish the outcome in their Southbound
 * {@code Chassis.other_config} ({@code ovn-l2gw-bridge-mappings-status} JSON, {@code ovn-l2gw-node}); this
 * package reads those reports through the operator's one Southbound client
 * ({@link org.ovnl2gw.operator.bridgemapping.SouthboundAgentReports}; the keys are in {@code org.ovnl2gw.contract}),
 * computes the status of each BridgeMapping for the Kubernetes nodes its selector matches
 * ({@link org.ovnl2gw.operator.bridgemapping.BridgeMappingStatusCalculator}) and patches it when it changed
 * ({@link org.ovnl2gw.operator.bridgemapping.BridgeMappingReconciler}). It writes nothing to OVN.
 */
package org.ovnl2gw.operator.bridgemapping;
