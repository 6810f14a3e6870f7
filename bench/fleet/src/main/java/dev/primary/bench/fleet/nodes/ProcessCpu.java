package dev.primary.bench.fleet.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process, or of a process and every process below it (PostgreSQL's postmaster and its backends),
 * read from {@code /proc/<pid>/stat} as the simulator's server sampler does. A process that is gone reads as 0.
 */
final class ProcessCpu {
    /** Kernel clock ticks per second ({@code USER_HZ}); 100 on every mainstream Linux build. */
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

    private ProcessCpu() {}

    /** CPU nanoseconds of {@code pid} alone (user + system). */
    static long of(long pid) {
        String stat = stat(pid);
        return stat == null ? 0 : ticks(stat, false) * NANOS_PER_TICK;
    }

    /**
     * CPU nanoseconds of {@code pid}, the children it has waited for (backends that ended) and every live process
     * below it.
     */
    static long ofTree(long pid) {
        String stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long ticks = ticks(stat, true);
        ticks += ProcessHandle.of(pid).map(process -> process.descendants().mapToLong(child -> {
            String childStat = stat(child.pid());
            return childStat == null ? 0 : ticks(childStat, false);
        }).sum()).orElse(0L);
        return ticks * NANOS_PER_TICK;
    }

    /**
     * Clock ticks in one {@code /proc/<pid>/stat} line: utime + stime (fields 14 and 15), plus cutime + cstime
     * (16 and 17) when {@code withWaitedChildren}. The command name (field 2) may hold spaces and parentheses, so
     * fields are counted from the last ')'.
     */
    static long ticks(String statLine, boolean withWaitedChildren) {
        int end = statLine.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
        }
        String[] fields = statLine.substring(end + 1).trim().split("\\s+");
        if (fields.length < 15) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields: " + statLine);
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withWaitedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }

    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return null;
        }
    }
}
