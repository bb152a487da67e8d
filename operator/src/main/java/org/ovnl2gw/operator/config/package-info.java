/**
 * How the operator is configured: the command line ({@link org.ovnl2gw.operator.config.OperatorOptions}) and
 * where the Kubernetes API is ({@link org.ovnl2gw.operator.config.KubernetesConfigResolver}). Pure parsing;
 * nothing here connects anywhere, so all of it is unit-tested.
 */
package org.ovnl2gw.operator.config;
