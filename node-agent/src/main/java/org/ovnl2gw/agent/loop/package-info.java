/**
 * The one way the agent's controllers run their passes: a single thread per controller that runs a pass as
 * soon as something changed, folds every change that arrives before the pass starts into it, and ticks
 * periodically on the same thread, so a controller's state needs no locks.
 */
package org.ovnl2gw.agent.loop;
