package org.ovnl2gw.agent.openflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable flow: what we install and what a dump decodes back into. Equality covers table,
 * priority, cookie, match and instructions, which is what the agent diffs on; counters and
 * timeouts are not part of it.
 *
 * <p>Instructions are normalised as OVS reports them: an empty apply_actions is dropped (a flow
 * with no instructions drops the packet) and instructions are in OpenFlow's execution order.
 */
public record Flow(int table, int priority, long cookie, Match match, List<Instruction> instructions) {

    public Flow {
        if (table < 0 || table > 254) {
            throw new IllegalArgumentException("table out of range: " + table);
        }
        if (priority < 0 || priority > 0xffff) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
        Objects.requireNonNull(match, "match");
        List<Instruction> kept = new ArrayList<>();
        for (Instruction i : instructions) {
            if (!(i instanceof Instruction.ApplyActions a && a.actions().isEmpty())) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparingInt(Flow::executionOrder));
        instructions = List.copyOf(kept);
    }

    /** A flow that applies these actions (none = drop). */
    public static Flow of(int table, int priority, long cookie, Match match, Action... actions) {
        return new Flow(table, priority, cookie, match, List.of(new Instruction.ApplyActions(List.of(actions))));
    }

    /** Same flow with other instructions. */
    public Flow withInstructions(List<Instruction> newInstructions) {
        return new Flow(table, priority, cookie, match, newInstructions);
    }

    /** The flow's actions if it only applies actions (empty for drop). */
    public List<Action> actions() {
        return instructions.stream()
                .filter(Instruction.ApplyActions.class::isInstance)
                .flatMap(i -> ((Instruction.ApplyActions) i).actions().stream())
                .toList();
    }

    private static int executionOrder(Instruction i) {
        // OpenFlow 1.3 §5.9: apply-actions runs before goto-table; unknown ones keep the middle.
        if (i instanceof Instruction.ApplyActions) {
            return 0;
        }
        return i instanceof Instruction.GotoTable ? 2 : 1;
    }

    @Override
    public String toString() {
        String m = match.toString();
        String acts = instructions.isEmpty() ? "drop"
                : instructions.stream().map(Instruction::toString).collect(Collectors.joining(","));
        return "cookie=0x" + Long.toHexString(cookie) + ",table=" + table + ",priority=" + priority
                + (m.isEmpty() ? "" : "," + m) + " actions=" + acts;
    }
}
