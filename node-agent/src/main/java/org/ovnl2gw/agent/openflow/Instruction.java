package org.ovnl2gw.agent.openflow;

import java.util.List;
import java.util.stream.Collectors;

/** OpenFlow 1.3 instructions: apply_actions and goto_table; others read back are {@link Raw}. */
public sealed interface Instruction {

    static Instruction apply(Action... actions) {
        return new ApplyActions(List.of(actions));
    }

    static Instruction gotoTable(int table) {
        return new GotoTable(table);
    }

    record ApplyActions(List<Action> actions) implements Instruction {
        public ApplyActions {
            actions = List.copyOf(actions);
        }

        @Override
        public String toString() {
            return actions.stream().map(Action::toString).collect(Collectors.joining(","));
        }
    }

    record GotoTable(int table) implements Instruction {
        public GotoTable {
            if (table < 0 || table > 254) {
                throw new IllegalArgumentException("goto_table target out of range: " + table);
            }
        }

        @Override
        public String toString() {
            return "goto_table:" + table;
        }
    }

    /** An instruction this model does not decode, kept whole (header included). */
    record Raw(RawBytes bytes) implements Instruction {
        @Override
        public String toString() {
            return "instruction(" + bytes + ")";
        }
    }
}
