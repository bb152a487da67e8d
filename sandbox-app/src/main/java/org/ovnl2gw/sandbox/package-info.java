/**
 * The sandbox: the whole system on one machine, the way Open vSwitch's own sandbox does it. An embedded
 * Kubernetes API that kubectl can talk to, real OVN central, simulated nodes on the dummy datapath (two
 * hypervisors with ovn-controller, two gateway nodes with our node agent as separate processes, a host on
 * the physical network), the operator as a separate process, the CRDs and examples applied with kubectl,
 * and the traffic through the gateway shown as a table. It runs until interrupted and then stops
 * everything it started (by pid) and removes its directory.
 */
package org.ovnl2gw.sandbox;
