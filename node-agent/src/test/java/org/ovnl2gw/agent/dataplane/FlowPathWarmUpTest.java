package org.ovnl2gw.agent.dataplane;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up runs the real flow path on its made-up gateway without failing, and produces flows to encode. */
class FlowPathWarmUpTest {
    @Test
    void encodesTheFlowsOfItsMadeUpGatewayEveryRound() {
        long one = FlowPathWarmUp.run(1);
        assertTrue(one > 0, "the first round encodes every flow of the made-up plan");
        assertTrue(FlowPathWarmUp.run(3) > one, "later rounds encode differences too");
    }
}
