package defernorm.testbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process and of its children that have ended (a Verilator build's compilers, a Verilator
 * model's process), read from /proc/self/stat: figures that do not depend on how busy the shared machine is.
 * Linux only; elsewhere -1.
 */
final class ProcessCpu {
    private static final long NANOS_PER_TICK = 10_000_000L;   // USER_HZ is 100 on Linux

    private ProcessCpu() {}

    /** utime + stime + cutime + cstime in nanoseconds, or -1 when /proc is not there. */
    static long nanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");   // f[0] is field 3 (state)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
