package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

    private static final Map<String, String> RACK1_ZONE_A = Map.of("rack", "r1", "zone", "a");

    private static LabelSelector expression(String key, String operator, String... values) {
        return new LabelSelectorBuilder()
                .addNewMatchExpression().withKey(key).withOperator(operator).withValues(values).endMatchExpression()
                .build();
    }

    private static List<String> paths(LabelSelector selector) {
        return LabelSelectors.problems(selector, "sel").stream().map(SpecProblem::path).toList();
    }

    @Test
    void absentAndEmptySelectorsSelectEverything() {
        assertTrue(LabelSelectors.matches(null, RACK1_ZONE_A));
        assertTrue(LabelSelectors.matches(new LabelSelector(), Map.of()));
        assertTrue(LabelSelectors.matches(new LabelSelector(), null));
    }

    @Test
    void matchLabelsNeedEveryPairPresent() {
        assertTrue(LabelSelectors.matches(new LabelSelectorBuilder().addToMatchLabels("rack", "r1").build(), RACK1_ZONE_A));
        assertFalse(LabelSelectors.matches(new LabelSelectorBuilder().addToMatchLabels("rack", "r2").build(), RACK1_ZONE_A));
        assertFalse(LabelSelectors.matches(
                new LabelSelectorBuilder().addToMatchLabels("rack", "r1").addToMatchLabels("gpu", "yes").build(),
                RACK1_ZONE_A));
    }

    @Test
    void inNeedsTheKeyWithOneOfTheValues() {
        assertTrue(LabelSelectors.matches(expression("zone", "In", "a", "b"), RACK1_ZONE_A));
        assertFalse(LabelSelectors.matches(expression("zone", "In", "b", "c"), RACK1_ZONE_A));
        assertFalse(LabelSelectors.matches(expression("gpu", "In", "a"), RACK1_ZONE_A));
    }

    @Test
    void notInMatchesWhenTheKeyIsAbsentOrHasAnotherValue() {
        assertFalse(LabelSelectors.matches(expression("zone", "NotIn", "a"), RACK1_ZONE_A));
        assertTrue(LabelSelectors.matches(expression("zone", "NotIn", "b"), RACK1_ZONE_A));
        assertTrue(LabelSelectors.matches(expression("gpu", "NotIn", "yes"), RACK1_ZONE_A));
    }

    @Test
    void existsAndDoesNotExistLookAtTheKeyOnly() {
        assertTrue(LabelSelectors.matches(expression("rack", "Exists"), RACK1_ZONE_A));
        assertFalse(LabelSelectors.matches(expression("gpu", "Exists"), RACK1_ZONE_A));
        assertTrue(LabelSelectors.matches(expression("gpu", "DoesNotExist"), RACK1_ZONE_A));
        assertFalse(LabelSelectors.matches(expression("rack", "DoesNotExist"), RACK1_ZONE_A));
    }

    @Test
    void labelsAndExpressionsAreAnded() {
        LabelSelector selector = new LabelSelectorBuilder().addToMatchLabels("rack", "r1")
                .addNewMatchExpression().withKey("zone").withOperator("In").withValues("b").endMatchExpression()
                .build();
        assertFalse(LabelSelectors.matches(selector, RACK1_ZONE_A));
        assertTrue(LabelSelectors.matches(selector, Map.of("rack", "r1", "zone", "b")));
    }

    @Test
    void aMalformedRequirementMatchesNothing() {
        // a typo must never widen a selection to every node
        assertFalse(LabelSelectors.matches(expression("zone", "in", "a"), RACK1_ZONE_A));
        assertFalse(LabelSelectors.matches(expression("zone", null, "a"), RACK1_ZONE_A));
        LabelSelector nullRequirement = new LabelSelector(new ArrayList<>(Arrays.asList((LabelSelectorRequirement) null)), null);
        assertFalse(LabelSelectors.matches(nullRequirement, RACK1_ZONE_A));
    }

    @Test
    void wellFormedSelectorsHaveNoProblems() {
        LabelSelector selector = new LabelSelectorBuilder()
                .addToMatchLabels("kubernetes.io/hostname", "node-a")
                .addToMatchLabels("node-role.kubernetes.io/gateway", "")
                .addNewMatchExpression().withKey("zone").withOperator("NotIn").withValues("a", "b_2").endMatchExpression()
                .addNewMatchExpression().withKey("gpu").withOperator("DoesNotExist").endMatchExpression()
                .build();
        assertEquals(List.of(), LabelSelectors.problems(selector, "sel"));
        assertEquals(List.of(), LabelSelectors.problems(null, "sel"));
    }

    @Test
    void badKeysAreReported() {
        assertEquals(List.of("sel.matchLabels[-rack]"), paths(new LabelSelectorBuilder().addToMatchLabels("-rack", "x").build()));
        assertEquals(List.of("sel.matchLabels[Example.COM/rack]"),
                paths(new LabelSelectorBuilder().addToMatchLabels("Example.COM/rack", "x").build()));
        assertEquals(List.of("sel.matchLabels[" + "k".repeat(64) + "]"),
                paths(new LabelSelectorBuilder().addToMatchLabels("k".repeat(64), "x").build()));
        assertEquals(List.of("sel.matchExpressions[0].key"), paths(expression("", "Exists")));
        assertEquals(List.of("sel.matchExpressions[0].key"), paths(expression("a/b/c", "Exists")));
    }

    @Test
    void badValuesAreReported() {
        assertEquals(List.of("sel.matchLabels[rack]"), paths(new LabelSelectorBuilder().addToMatchLabels("rack", "r 1").build()));
        assertEquals(List.of("sel.matchExpressions[0].values[1]"), paths(expression("zone", "In", "a", "b-")));
    }

    @Test
    void operatorsAndValuesMustAgree() {
        assertEquals(List.of("sel.matchExpressions[0].values"), paths(expression("zone", "In")));
        assertEquals(List.of("sel.matchExpressions[0].values"), paths(expression("zone", "NotIn")));
        assertEquals(List.of("sel.matchExpressions[0].values"), paths(expression("zone", "Exists", "a")));
        assertEquals(List.of("sel.matchExpressions[0].values"), paths(expression("zone", "DoesNotExist", "a")));
        assertEquals(List.of("sel.matchExpressions[0].operator"), paths(expression("zone", "Equals", "a")));
    }

    @Test
    void aNullRequirementIsReported() {
        LabelSelector selector = new LabelSelector(new ArrayList<>(Arrays.asList((LabelSelectorRequirement) null)), null);
        assertEquals(List.of("sel.matchExpressions[0]"), paths(selector));
    }
}
