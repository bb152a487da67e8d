/**
 * Real OVS and OVN processes for integration tests, benchmarks and the sandbox.
 *
 * <p>Everything here starts genuine {@code ovsdb-server}, {@code ovs-vswitchd}, {@code ovn-northd} and
 * {@code ovn-controller} daemons from the Debian packages, each host in a private directory below a
 * per-test base directory, the way OVS's own test suite does ({@code sim_add}, {@code net_add},
 * {@code net_attach}, {@code ovn_attach}). Every daemon is remembered by pid and stopped by pid, never by
 * name, both by {@link org.ovnl2gw.testbed.Testbed#close()} and by a JVM shutdown hook when a test dies.
 * Where the dummy datapath differs from a real one in a way our figures would show, the testbed makes up for it
 * and says so: each {@code ovs-vswitchd} is woken every 100 ms ({@code MainLoopTicker}) so that BFD's packets
 * leave on time, as they do from a kernel or DPDK datapath.
 */
package org.ovnl2gw.testbed;
