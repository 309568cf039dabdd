package defernorm.cosim.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, for figures that do not depend on how busy the machine is: this JVM's (all threads), and
 * its child processes' (the Verilator harness) read from /proc (Linux; 0 elsewhere).
 */
final class CpuTime {
    private static final long NANOS_PER_TICK = 10_000_000L;  // USER_HZ is 100 on Linux

    private CpuTime() {}

    static long jvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long children() {
        long ticks = 0;
        for (ProcessHandle h : ProcessHandle.current().children().toList()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);  // utime, stime
            } catch (IOException | RuntimeException e) {
                // the child ended or this is not Linux: count nothing
            }
        }
        return ticks * NANOS_PER_TICK;
    }
}
