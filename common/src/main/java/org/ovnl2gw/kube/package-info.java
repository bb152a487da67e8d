/**
 * How our programs read custom resources from the Kubernetes API without trusting admission: an object that
 * does not fit the Java model (a string where the schema says integer, stored by an API without schema or
 * under a skewed CRD) is read with its metadata and without its spec, and the problem is kept in
 * {@link org.ovnl2gw.kube.UnreadableResources} for the reconcilers to report, instead of failing the watch
 * and with it the whole informer and program.
 */
package org.ovnl2gw.kube;
