/**
 * Real OVS and OVN processes for integration tests, benchmarks and the sandbox.
 *
 * <p>Everything here starts genuine {@code ovsdb-server}, {@code ovs-vswitchd}, {@code ovn-northd} and
 * {@code ovn-controller} daemons from the Debian packages, each host in a private directory below a
 * per-test base directory, the way OVS's own test suite does ({@code sim_add}, {@code net_add},
 * {@code net_attach}, {@code ovn_attach}). Every daemon is remembered by pid and stopped by pid, never by
 * name, both by {@link org.ovnl2gw.testbed.Testbed#close()} and by a JVM shutdown hook when a test dies.
 */
package org.ovnl2gw.testbed;
