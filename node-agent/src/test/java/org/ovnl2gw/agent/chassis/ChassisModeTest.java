package org.ovnl2gw.agent.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChassisModeTest {
    private static final Map<String, String> OURS = Map.of("ovn-l2gw-owner", "node-agent");

    @Test
    void noRowAndNoOvnControllerHereIsAgentMode() {
        assertEquals(ChassisMode.AGENT, ChassisMode.detect("gw1", Optional.empty(), Map.of()));
    }

    @Test
    void ourOwnRowIsAgentMode() {
        assertEquals(ChassisMode.AGENT, ChassisMode.detect("gw1", Optional.of(OURS), Map.of("vlan-limit", "0")));
    }

    @Test
    void aRowWithoutOurMarkIsOvnControllers() {
        assertEquals(ChassisMode.COMPANION, ChassisMode.detect("gw1", Optional.of(Map.of()), Map.of()));
    }

    @Test
    void ovnControllersIndexForOurNameMeansCompanionEvenBeforeItRegistered() {
        assertEquals(ChassisMode.COMPANION, ChassisMode.detect("gw1", Optional.empty(),
                Map.of("ovn-chassis-idx-gw1", "")));
        assertEquals(ChassisMode.COMPANION, ChassisMode.detect("gw1", Optional.of(OURS),
                Map.of("ovn-chassis-idx-gw1", "")));
        assertEquals(ChassisMode.AGENT, ChassisMode.detect("gw1", Optional.empty(),
                Map.of("ovn-chassis-idx-other", "")), "another system-id's controller is not ours");
    }
}
