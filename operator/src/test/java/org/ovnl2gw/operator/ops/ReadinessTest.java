package org.ovnl2gw.operator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void readyOnlyWhenEveryCheckPassesAndTheReportSaysWhichFailed() {
        AtomicBoolean southbound = new AtomicBoolean(false);
        Readiness readiness = new Readiness(List.of(new HealthCheck("northbound connected", () -> true),
                new HealthCheck("southbound connected", southbound::get)));
        assertFalse(readiness.ready());
        assertEquals("ok northbound connected\nfailed southbound connected\n", readiness.report());
        southbound.set(true);
        assertTrue(readiness.ready());
    }

    @Test
    void aCheckThatThrowsIsFailing() {
        Readiness readiness = new Readiness(List.of(new HealthCheck("cache", () -> {
            throw new IllegalStateException("not connected yet");
        })));
        assertFalse(readiness.ready());
    }
}
