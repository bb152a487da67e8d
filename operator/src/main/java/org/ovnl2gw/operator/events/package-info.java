/**
 * Kubernetes Events, the transitions people should see in {@code kubectl describe}: one recorder for the
 * L2Gateway and BridgeMapping controllers and for what concerns a Node. Written in the background; a lost
 * event is logged, never retried.
 */
package org.ovnl2gw.operator.events;
