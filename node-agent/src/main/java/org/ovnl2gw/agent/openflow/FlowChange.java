package org.ovnl2gw.agent.openflow;

/** One step of an update: what the dataplane's desired-vs-installed diff produces. */
public sealed interface FlowChange {

    static FlowChange add(Flow flow) {
        return new Add(flow);
    }

    /** An add that OVS removes by itself {@code hardTimeoutSeconds} after it was (last) added. */
    static FlowChange addExpiring(Flow flow, int hardTimeoutSeconds) {
        return new Add(flow, hardTimeoutSeconds);
    }

    static FlowChange modify(Flow flow) {
        return new Modify(flow);
    }

    static FlowChange delete(Flow flow) {
        return new Delete(flow);
    }

    /**
     * Adds the flow, replacing one with the same table, priority and match (which restarts its hard timeout);
     * {@code hardTimeout} in seconds, 0 for none.
     */
    record Add(Flow flow, int hardTimeout) implements FlowChange {
        public Add {
            if (hardTimeout < 0 || hardTimeout > 0xffff) {
                throw new IllegalArgumentException("hard timeout out of range: " + hardTimeout);
            }
        }

        public Add(Flow flow) {
            this(flow, 0);
        }
    }

    /**
     * Replaces the instructions of the flow with the same table, priority and match (strict).
     * OpenFlow 1.3 keeps the installed cookie and does not add a missing flow.
     */
    record Modify(Flow flow) implements FlowChange {
    }

    /** Deletes the flow with the same table, priority and match (strict); cookie is ignored. */
    record Delete(Flow flow) implements FlowChange {
    }

    /**
     * Deletes every flow whose cookie matches under the mask, in one table or all of them.
     *
     * @param table a table, or {@link #ALL_TABLES}
     */
    record DeleteByCookie(int table, long cookie, long cookieMask) implements FlowChange {
        public static final int ALL_TABLES = 0xff;
    }
}
