package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgeColumnLastTest {
    @Test
    void theAgeEntryMovesAfterTheLastColumnAndNothingElseMoves() {
        List<String> generated = List.of(
                "  versions:",
                "  - additionalPrinterColumns:",
                "    - jsonPath: .metadata.creationTimestamp",
                "      name: Age",
                "      type: date",
                "    - description: Name of the switch,",
                "        wrapped.",
                "      jsonPath: .spec.logicalSwitch",
                "      name: Switch",
                "    - jsonPath: .status.gatewayNode",
                "      name: Gateway Node",
                "    name: v1alpha1");

        assertEquals(List.of(
                "  versions:",
                "  - additionalPrinterColumns:",
                "    - description: Name of the switch,",
                "        wrapped.",
                "      jsonPath: .spec.logicalSwitch",
                "      name: Switch",
                "    - jsonPath: .status.gatewayNode",
                "      name: Gateway Node",
                "    - jsonPath: .metadata.creationTimestamp",
                "      name: Age",
                "      type: date",
                "    name: v1alpha1"), AgeColumnLast.reorder(generated));
        assertEquals(AgeColumnLast.reorder(generated), AgeColumnLast.reorder(AgeColumnLast.reorder(generated)));
    }
}
