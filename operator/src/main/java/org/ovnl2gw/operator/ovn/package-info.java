/**
 * The operator's view of OVN: a Northbound client that owns l2gateway {@code Logical_Switch_Port}s and a
 * Southbound client that reads chassis and binds {@code Port_Binding}s. Both answer from an OVSDB monitor
 * cache, compare desired with current, transact once per change and say what they did (noop, created,
 * updated, deleted). Every row we write carries the ownership mark of {@link OwnershipMark}; rows without it
 * are read, never written.
 */
package org.ovnl2gw.operator.ovn;
