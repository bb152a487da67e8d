package org.ovnl2gw.agent.openflow;

/**
 * A switch port as OFPMP_PORT_DESC reports it.
 *
 * @param portNo OpenFlow port number (ofport)
 * @param name interface name
 * @param hwAddr Ethernet address, colon notation
 * @param linkDown whether OFPPS_LINK_DOWN is set
 */
public record PortDescription(long portNo, String name, String hwAddr, boolean linkDown) {
}
