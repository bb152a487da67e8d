package org.ovnl2gw.agent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.openflow.OpenFlowErrorException;
import org.ovnl2gw.agent.openflow.PacketOut;
import org.ovnl2gw.agent.openflow.RawBytes;

class MacAnnouncerTest {
    private static final List<Announcement> MACS = List.of(Announcement.rarp("f0:00:00:00:00:01"),
            Announcement.rarp("f0:00:00:00:00:02"));
    private static final List<Long> OVN_SCHEDULE = List.of(0L, 1000L, 3000L, 7000L, 15000L, 31000L);

    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingSender sender = new RecordingSender();
    private final List<Map<String, String>> reports = new ArrayList<>();
    private final MacAnnouncer announcer = new MacAnnouncer(sender, clock, MacAnnouncer.BACKOFF, reports::add, null);

    @Test
    void sendsAtOnceThenAfterOneTwoFourEightAndSixteenSeconds() {
        announcer.announce("lp-gw", 5, 100, MACS);
        assertEquals(List.of(0L), sender.times(), "the first send does not wait");
        clock.advanceTo(100_000);
        assertEquals(OVN_SCHEDULE, sender.times());
        assertTrue(sender.sends.stream().allMatch(s -> s.packets().equals(AnnouncementPackets.packetOuts(5, 100, MACS))));
        assertEquals(java.util.Set.of(), announcer.announcing(), "the series is over");
        assertEquals(List.of(), reports, "nothing failed, nothing reported");
    }

    @Test
    void announcingAgainRestartsTheSeries() {
        announcer.announce("lp-gw", 5, 100, MACS);
        clock.advanceTo(2000); // sent at 0 and 1000; 3000 is next
        announcer.announce("lp-gw", 6, 100, MACS.subList(0, 1)); // a new takeover, another patch port
        clock.advanceTo(100_000);
        assertEquals(List.of(0L, 1000L, 2000L, 3000L, 5000L, 9000L, 17000L, 33000L), sender.times());
        assertEquals(AnnouncementPackets.packetOuts(6, 100, MACS.subList(0, 1)), sender.sends.get(2).packets());
        assertEquals(AnnouncementPackets.packetOuts(6, 100, MACS.subList(0, 1)), sender.sends.get(3).packets(),
                "the old series' send due at 3000 did not happen");
    }

    @Test
    void stopEndsTheSeriesOfThatPortOnly() {
        announcer.announce("lp-a", 5, 0, MACS);
        announcer.announce("lp-b", 7, 0, MACS);
        clock.advanceTo(1500);
        announcer.stop("lp-a");
        announcer.stop("lp-unknown");
        assertEquals(java.util.Set.of("lp-b"), announcer.announcing());
        clock.advanceTo(100_000);
        assertEquals(List.of(0L, 1000L), sender.times(5));
        assertEquals(OVN_SCHEDULE, sender.times(7));
    }

    @Test
    void anEmptyListStopsAndSendsNothing() {
        announcer.announce("lp-gw", 5, 0, MACS);
        announcer.announce("lp-gw", 5, 0, List.of());
        clock.advanceTo(100_000);
        assertEquals(List.of(0L), sender.times());
    }

    @Test
    void failuresNeitherStopTheSeriesNorGoUnreported() {
        sender.failWith(new OpenFlowErrorException(2, 4, 0, "OFPBAC_BAD_OUT_PORT", new RawBytes(new byte[0]), null));
        announcer.announce("lp-gw", 5, 100, MACS);
        clock.advanceTo(1000);
        assertEquals(2, reports.size());
        assertEquals(java.util.Set.of("lp-gw"), reports.get(0).keySet());
        String message = reports.get(0).get("lp-gw");
        assertTrue(message.contains("cannot announce 2 addresses of lp-gw out of ofport 5 on VLAN 100 (send 1 of 6)")
                && message.contains("OFPBAC_BAD_OUT_PORT"), message);
        sender.succeed();
        clock.advanceTo(100_000);
        assertEquals(OVN_SCHEDULE, sender.times());
        assertEquals(Map.of(), reports.get(reports.size() - 1), "the first send that went through resolves it");
        assertEquals(3, reports.size(), "successes are not reported again");
    }

    @Test
    void stoppingAFailingPortClearsItsProblem() {
        sender.failWith(new IllegalStateException("switch gone"));
        announcer.announce("lp-gw", 5, 0, MACS);
        announcer.stop("lp-gw");
        assertEquals(List.of(Map.of("lp-gw", reports.get(0).get("lp-gw")), Map.of()), reports);
    }

    @Test
    void neverBlocksOnASwitchThatDoesNotAnswer() {
        sender.hang();
        announcer.announce("lp-gw", 5, 0, MACS);
        clock.advanceTo(7000);
        assertEquals(OVN_SCHEDULE.subList(0, 4), sender.times(), "sends go on while earlier ones are unanswered");
        announcer.stop("lp-gw");
        sender.pending.forEach(f -> f.completeExceptionally(new IllegalStateException("late")));
        assertEquals(List.of(), reports, "outcomes of a stopped series are not reported");
        clock.advanceTo(100_000);
        assertEquals(4, sender.sends.size());
    }

    @Test
    void badInputIsRefusedAtOnceAndCloseStopsEverything() {
        assertThrows(IllegalArgumentException.class, () -> announcer.announce("lp-gw", 0, 0, MACS));
        assertThrows(IllegalArgumentException.class, () -> announcer.announce("lp-gw", 5, 4095, MACS));
        announcer.announce("lp-gw", 5, 0, MACS);
        announcer.close();
        clock.advanceTo(100_000);
        assertEquals(List.of(0L), sender.times());
        assertTrue(clock.shutdown);
        assertThrows(IllegalStateException.class, () -> announcer.announce("lp-gw", 5, 0, MACS));
    }

    /** A scheduler on a manual clock: tasks run on the test thread when time is advanced past them. */
    static final class ManualScheduler implements MacAnnouncer.Scheduler {
        private final List<Task> tasks = new ArrayList<>();
        private long now;
        private long sequence;
        boolean shutdown;

        private record Task(long due, long sequence, Runnable run, boolean[] cancelled) {
        }

        long now() {
            return now;
        }

        @Override
        public MacAnnouncer.Cancellable schedule(Runnable task, long delayMillis) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + delayMillis, sequence++, task, cancelled));
            if (delayMillis == 0) {
                advanceTo(now);
            }
            return () -> cancelled[0] = true;
        }

        void advanceTo(long time) {
            while (true) {
                Task next = tasks.stream().filter(t -> t.due() <= time)
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::sequence)).orElse(null);
                if (next == null) {
                    break;
                }
                tasks.remove(next);
                now = Math.max(now, next.due());
                if (!next.cancelled()[0] && !shutdown) {
                    next.run().run();
                }
            }
            now = Math.max(now, time);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }
    }

    /** Records each send with the clock's time; answers success, a failure, or never. */
    final class RecordingSender implements MacAnnouncer.PacketSender {
        record Send(long time, List<PacketOut> packets) {
        }

        final List<Send> sends = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        private Throwable failure;
        private boolean hang;

        void failWith(Throwable t) {
            failure = t;
        }

        void succeed() {
            failure = null;
        }

        void hang() {
            hang = true;
        }

        @Override
        public CompletableFuture<Void> send(List<PacketOut> packets) {
            sends.add(new Send(clock.now(), packets));
            if (hang) {
                CompletableFuture<Void> f = new CompletableFuture<>();
                pending.add(f);
                return f;
            }
            return failure == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
        }

        List<Long> times() {
            return sends.stream().map(Send::time).toList();
        }

        List<Long> times(long ofport) {
            return sends.stream().filter(s -> s.packets().get(0).actions().contains(
                    org.ovnl2gw.agent.openflow.Action.output(ofport))).map(Send::time).toList();
        }
    }
}
