package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {
    @Test
    void secondsUpToTwoMinutes() {
        assertEquals("0s", HumanDuration.of(Duration.ZERO));
        assertEquals("0s", HumanDuration.of(Duration.ofMillis(-1500)));
        assertEquals("<invalid>", HumanDuration.of(Duration.ofSeconds(-2)));
        assertEquals("45s", HumanDuration.of(Duration.ofSeconds(45)));
        assertEquals("119s", HumanDuration.of(Duration.ofSeconds(119)));
    }

    @Test
    void finerUnitsOnlyWhileTheCoarserIsSmall() {
        assertEquals("2m", HumanDuration.of(Duration.ofSeconds(120)));
        assertEquals("3m12s", HumanDuration.of(Duration.ofSeconds(192)));
        assertEquals("10m", HumanDuration.of(Duration.ofSeconds(612)));
        assertEquals("179m", HumanDuration.of(Duration.ofMinutes(179)));
        assertEquals("3h", HumanDuration.of(Duration.ofHours(3)));
        assertEquals("5h20m", HumanDuration.of(Duration.ofMinutes(320)));
        assertEquals("47h", HumanDuration.of(Duration.ofHours(47).plusMinutes(59)));
        assertEquals("3d4h", HumanDuration.of(Duration.ofHours(76)));
        assertEquals("8d", HumanDuration.of(Duration.ofHours(8 * 24 + 5)));
        assertEquals("729d", HumanDuration.of(Duration.ofDays(729)));
        assertEquals("2y30d", HumanDuration.of(Duration.ofDays(760)));
        assertEquals("9y", HumanDuration.of(Duration.ofDays(9 * 365 + 100)));
    }
}
