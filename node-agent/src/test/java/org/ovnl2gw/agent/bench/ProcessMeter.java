package org.ovnl2gw.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernel says a process costs: resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) and
 * CPU time ({@code utime + stime} of {@code /proc/<pid>/stat}, every thread, in clock ticks).
 */
final class ProcessMeter {
    /** USER_HZ; 100 on every Linux architecture this runs on ({@code getconf CLK_TCK}). */
    static final int TICKS_PER_SECOND = 100;

    private final long pid;

    ProcessMeter(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /** Resident set size in MB. */
    double rssMb() {
        for (String line : read("status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
    }

    /** User plus system CPU time so far, in clock ticks. */
    long cpuTicks() {
        return cpuTicks(read("stat"));
    }

    /** Fields 14 and 15 of a stat line; the command (field 2) may hold spaces, so count after its ')'. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Percent of one core used over a window, from two readings of {@link #cpuTicks()}. */
    static double percentOfCore(long ticksBefore, long ticksAfter, long nanos) {
        return 100.0 * (ticksAfter - ticksBefore) / TICKS_PER_SECOND / (nanos / 1e9);
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file + " (has the process died?)", e);
        }
    }
}
