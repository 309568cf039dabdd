package defernorm.testbench.bench;

import defernorm.cosim.bench.AdderTree;
import defernorm.cosim.bench.MacArray;
import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.Design;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One cold elaboration, as a user's program does it: build the design, elaborate it, emit its Verilog into a
 * directory. Run in a fresh JVM by {@link ElaborationBench}: {@code ElaborationRun mac16x16 /tmp/out}, or
 * {@code ElaborationRun empty} for the JVM's own start-up (a main that only reads its thread's CPU time). Prints one
 * line, {@code build_ns elaborate_ns emit_ns nodes peak_heap_bytes cpu_ns main_cpu_ns} (cpu: the whole process's CPU
 * time so far, JIT and GC threads included; main cpu: the main thread's alone, the JVM's start on it included, the
 * least load-sensitive figure), measured after the work so that the measuring itself (the management classes) costs
 * the timed part nothing.
 */
public final class ElaborationRun {
    private ElaborationRun() {}

    public static void main(String[] args) {
        if (args[0].equals("empty")) {
            System.out.println("0 0 0 0 0 0 " + mainThreadCpuNs());
            return;
        }
        long t0 = System.nanoTime();
        Component top = design(args[0]);
        long t1 = System.nanoTime();
        Design d = Elaborator.elaborate(top);
        long t2 = System.nanoTime();
        List<VerilogFile> files = VerilogEmitter.emit(d);
        VerilogEmitter.writeTo(Path.of(args[1]), files);
        long t3 = System.nanoTime();
        long mainCpu = mainThreadCpuNs();
        int nodes = d.modules().stream().mapToInt(m -> m.nodes().size()).sum();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
        System.out.println((t1 - t0) + " " + (t2 - t1) + " " + (t3 - t2) + " " + nodes + " " + peakHeap() + " " + cpu + " " + mainCpu);
    }

    /**
     * The CPU time of the calling thread since it started, from Linux's {@code /proc/thread-self/schedstat} (its first
     * field, in ns; current to the last scheduler tick), or -1 elsewhere. A file read rather than a {@code ThreadMXBean}:
     * the management classes would be loaded, and counted, first.
     */
    private static long mainThreadCpuNs() {
        try {
            String s = Files.readString(Path.of("/proc/thread-self/schedstat"));
            return Long.parseLong(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code mac<P>x<Q>} or {@code adder<N>}: the designs of the simulator benchmark. */
    static Component design(String name) {
        if (name.startsWith("mac")) {
            String[] pq = name.substring(3).split("x");
            return new MacArray(Integer.parseInt(pq[0]), Integer.parseInt(pq[1]));
        }
        if (name.startsWith("adder")) return new AdderTree(Integer.parseInt(name.substring(5)));
        throw new IllegalArgumentException("unknown design '" + name + "': expected mac<P>x<Q> or adder<N>");
    }

    /**
     * The sum of the heap pools' peaks since the JVM started (an upper bound: pools need not peak together), or the
     * heap in use now if that is more: G1 updates its pools' figures only at a collection, and a short run may have none.
     */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        Runtime rt = Runtime.getRuntime();
        return Math.max(sum, rt.totalMemory() - rt.freeMemory());
    }
}
