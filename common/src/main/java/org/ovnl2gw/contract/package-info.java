/**
 * The written contract between the node agent and the operator: every key and value format the two programs
 * exchange through the OVN databases (and the marks on local OVS rows that tests and people read), the shared
 * records, and the one parser of each format. Both programs import these names and never spell a key
 * themselves; {@code CONTRACT.md} beside this package says who writes and who reads each.
 */
package org.ovnl2gw.contract;
