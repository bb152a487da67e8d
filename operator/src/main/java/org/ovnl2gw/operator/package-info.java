/**
 * The operator process: {@link org.ovnl2gw.operator.Main} wires the Kubernetes client, the Northbound and
 * Southbound OVSDB sessions, the reconcilers and the operational endpoints together, and holds no logic of its own.
 * Subpackages: {@code l2gateway} and {@code ovn} (the L2Gateway side), {@code bridgemapping} (BridgeMapping
 * status from what node agents publish), {@code config} (command line), {@code ops} (metrics, health, leader
 * election, logs).
 */
package org.ovnl2gw.operator;
