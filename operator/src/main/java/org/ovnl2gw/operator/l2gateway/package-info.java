/**
 * Reconciles L2Gateway resources into OVN: validates the spec in code (the API server may not), refuses
 * conflicts, chooses a healthy gateway chassis among the nodes whose agents publish the network, writes the
 * Northbound port and the Southbound binding through the {@code ovn} clients, moves the port when its node
 * fails, and computes the status (Accepted, Programmed, Bound, Ready) in one place. Reconciles are triggered
 * by the resources, by OVN changes (an inbound event source fed by the OVSDB caches) and by chassis health
 * transitions; a periodic resync is only the safety net.
 */
package org.ovnl2gw.operator.l2gateway;
