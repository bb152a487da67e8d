package org.ovnl2gw.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ovnl2gw.agent.FrameProbe.Vif;

/**
 * The seed matrix generalised to any logical switch bridged by a gateway: VIFs on hypervisors (with their
 * logical MACs) and one VIF on the physical network behind the gateway. From each member: a unicast to
 * each other member, a broadcast and an unknown unicast; each must reach exactly the members it should
 * and nothing outside the switch ({@code others}: the VIFs of every other switch, to catch leaks).
 */
final class SwitchTraffic {
    /** A member: the VIF and the MAC it sends from (12 hex digits). */
    record Member(Vif vif, String mac) {
    }

    /** One frame's outcome. */
    record Outcome(String description, Set<Vif> expected, Set<Vif> got, boolean pass) {
        @Override
        public String toString() {
            return (pass ? "ok   " : "FAIL ") + description + ": expected " + expected + ", got " + got;
        }
    }

    private final String name;
    private final List<Member> overlay;
    private final Member physical;

    SwitchTraffic(String name, List<Member> overlay, Member physical) {
        this.name = name;
        this.overlay = List.copyOf(overlay);
        this.physical = physical;
    }

    List<Vif> vifs() {
        List<Vif> vifs = new ArrayList<>(overlay.stream().map(Member::vif).toList());
        vifs.add(physical.vif());
        return vifs;
    }

    /** Runs every case, watching this switch's VIFs and {@code others}. */
    List<Outcome> run(List<Vif> others) {
        List<Member> members = new ArrayList<>(overlay);
        members.add(physical);
        List<Vif> watched = new ArrayList<>(vifs());
        watched.addAll(others);
        List<Outcome> outcomes = new ArrayList<>();
        for (Member from : members) {
            Set<Vif> everyoneElse = new LinkedHashSet<>();
            for (Member to : members) {
                if (to != from) {
                    everyoneElse.add(to.vif());
                    outcomes.add(send(from, to.mac(), "unicast to " + to.vif(), Set.of(to.vif()), watched));
                }
            }
            outcomes.add(send(from, "ffffffffffff", "broadcast", everyoneElse, watched));
            Set<Vif> unknown = from == physical ? Set.of() : Set.of(physical.vif());
            outcomes.add(send(from, "f0000000ffff", "unknown unicast", unknown, watched));
        }
        return outcomes;
    }

    private Outcome send(Member from, String dst, String kind, Set<Vif> expected, List<Vif> watched) {
        String frame = dst + from.mac() + "0800";
        Map<Vif, List<String>> got = FrameProbe.send(from.vif(), frame, watched, expected);
        boolean exactlyOnce = got.values().stream().allMatch(frames -> frames.equals(List.of(frame)));
        return new Outcome(name + ": " + from.vif() + " " + kind, expected, got.keySet(),
                got.keySet().equals(expected) && exactlyOnce);
    }

    static String table(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        outcomes.forEach(o -> out.append(o).append('\n'));
        out.append(outcomes.stream().filter(Outcome::pass).count()).append(" of ").append(outcomes.size())
                .append(" cases as expected\n");
        return out.toString();
    }

    static boolean allPassed(List<Outcome> outcomes) {
        return outcomes.stream().allMatch(Outcome::pass);
    }
}
