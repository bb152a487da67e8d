/** How our programs log: one line per event on stderr, the same for the operator and the node agent. */
package org.ovnl2gw.logging;
