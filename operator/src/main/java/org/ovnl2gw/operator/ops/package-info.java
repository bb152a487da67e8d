/**
 * Running the operator in production: Prometheus text metrics, liveness and readiness endpoints (one small JDK
 * HTTP server), leader election on a Lease, and the one-line log format. Nothing here reconciles; the
 * reconcilers report into {@link org.ovnl2gw.operator.ops.OperatorMetrics} and the endpoints read it.
 */
package org.ovnl2gw.operator.ops;
