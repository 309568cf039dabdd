package defernorm.cosim.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calling thread's CPU affinity on Linux ({@code sched_getaffinity}/{@code sched_setaffinity} from the C
 * library, through the FFM API), for benchmarks that must run two measurements on the same core. Elsewhere
 * {@link #available()} is false and nothing is pinned.
 *
 * <pre>{@code
 * List<Integer> cpus = CpuAffinity.allowed();
 * CpuAffinity.pin(cpus.get(0));   // this thread runs on that CPU only
 * CpuAffinity.pin(cpus);          // and anywhere it was allowed again
 * }</pre>
 */
final class CpuAffinity {
    /** Bytes of the kernel's CPU mask this class passes: 1,024 CPUs. */
    private static final long MASK_BYTES = 128;
    private static final Optional<MethodHandle> GET = libc("sched_getaffinity");
    private static final Optional<MethodHandle> SET = libc("sched_setaffinity");

    private CpuAffinity() {}

    private static Optional<MethodHandle> libc(String name) {
        Linker linker = Linker.nativeLinker();
        FunctionDescriptor pidSizeMask = FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
        return linker.defaultLookup().find(name).map(f -> linker.downcallHandle(f, pidSizeMask));
    }

    static boolean available() { return GET.isPresent() && SET.isPresent(); }

    /** The CPUs the calling thread may run on, ascending; empty when affinity is not available. */
    static List<Integer> allowed() {
        if (!available()) return List.of();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            if ((int) GET.get().invokeExact(0, MASK_BYTES, mask) != 0) return List.of();
            List<Integer> cpus = new ArrayList<>();
            for (int cpu = 0; cpu < 8 * MASK_BYTES; cpu++) {
                if ((mask.get(ValueLayout.JAVA_BYTE, cpu / 8) & (1 << (cpu % 8))) != 0) cpus.add(cpu);
            }
            return cpus;
        } catch (Throwable t) {
            throw new IllegalStateException("sched_getaffinity could not be called: " + t, t);
        }
    }

    /** Lets the calling thread run on {@code cpu} only. */
    static void pin(int cpu) { pin(List.of(cpu)); }

    /** Lets the calling thread run on {@code cpus} only. */
    static void pin(List<Integer> cpus) {
        if (!available()) return;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES);
            for (int cpu : cpus) {
                int at = cpu / 8;
                mask.set(ValueLayout.JAVA_BYTE, at, (byte) (mask.get(ValueLayout.JAVA_BYTE, at) | (1 << (cpu % 8))));
            }
            int rc = (int) SET.get().invokeExact(0, MASK_BYTES, mask);
            if (rc != 0) {
                throw new IllegalStateException("sched_setaffinity refused CPUs " + cpus + " (returned " + rc + ")");
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("sched_setaffinity could not be called: " + t, t);
        }
    }
}
