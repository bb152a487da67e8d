/**
 * OpenFlow 1.3 client for the node agent, with the Nicira and ONF extensions Open vSwitch needs.
 *
 * <p>Duty: speak to the local ovs-vswitchd over its management socket ({@code <bridge>.mgmt}) or
 * TCP, and nothing more. It offers an immutable flow model ({@link org.ovnl2gw.agent.openflow.Flow},
 * {@link org.ovnl2gw.agent.openflow.Match}, {@link org.ovnl2gw.agent.openflow.Action},
 * {@link org.ovnl2gw.agent.openflow.Instruction}) whose decoded form of an installed flow compares
 * equal to the flow we wrote, so the dataplane can diff desired against installed; atomic updates
 * through ONF bundles; the Geneve TLV map; flow and port dumps. It does not decide which flows
 * exist: that is the dataplane package's job.
 *
 * <p>Layering: {@link org.ovnl2gw.agent.openflow.OpenFlowConnection} owns the socket (hello,
 * echo, xid matching, barrier, errors as exceptions); the {@code *Codec} classes are pure byte
 * layouts with no I/O; {@link org.ovnl2gw.agent.openflow.OpenFlowClient} is the narrow API the
 * agent calls.
 */
package org.ovnl2gw.agent.openflow;
