package dev.primary.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * CPU time used so far and resident memory now, of one process, read from {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status} (Linux only). Two readings subtracted give the CPU a process used over a phase.
 *
 * @param cpu user plus system CPU time since the process started
 * @param residentBytes resident set size now ({@code VmRSS})
 */
public record ProcessUsage(Duration cpu, long residentBytes) {
    /** Kernel clock ticks per second ({@code USER_HZ}); 100 on every mainstream Linux build. */
    private static final long TICKS_PER_SECOND = 100;

    public ProcessUsage {
        Objects.requireNonNull(cpu, "cpu");
        if (cpu.isNegative() || residentBytes < 0) {
            throw new IllegalArgumentException("CPU time and resident bytes cannot be negative: " + cpu + ", "
                    + residentBytes);
        }
    }

    /**
     * Reads the usage of process {@code pid}.
     *
     * @throws UncheckedIOException if the process is gone (or {@code /proc} cannot be read)
     */
    public static ProcessUsage of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            return new ProcessUsage(cpuOf(Files.readString(proc.resolve("stat"))),
                    residentBytesOf(Files.readString(proc.resolve("status"))));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("process " + pid + " is gone", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + proc + ": " + e.getMessage(), e);
        }
    }

    /** The usage of this JVM. */
    public static ProcessUsage self() {
        return of(ProcessHandle.current().pid());
    }

    /** The CPU time used between {@code earlier} and this reading. */
    public Duration cpuSince(ProcessUsage earlier) {
        return cpu.minus(earlier.cpu);
    }

    /** {@code utime} and {@code stime}, fields 14 and 15; counted after the command name, which may hold spaces. */
    static Duration cpuOf(String stat) {
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        String[] fields = afterName.trim().split(" ");
        // afterName starts at field 3 (state): utime is field 14, so index 11; stime index 12.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    static long residentBytesOf(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
                return Long.parseLong(kilobytes) * 1024;
            }
        }
        return 0; // a zombie has no VmRSS line
    }
}
