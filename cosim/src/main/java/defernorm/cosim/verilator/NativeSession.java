package defernorm.cosim.verilator;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import defernorm.cosim.Simulation.BlockObserver;
import defernorm.cosim.Simulation.BlockStimulus;
import defernorm.cosim.support.LongWords;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The default mode: the model and its shim ({@code shim.cpp}) built as a shared library and loaded into
 * the JVM through the FFM API, one {@link Arena} per session (closing it unloads the library once no
 * session uses it). Every call is a downcall: no pipe, no copy of the model's state.
 *
 * <p>Nets of up to 64 bits are poked and peeked in place: the session maps each net's storage inside the
 * model (and the shim's "inputs changed" flag) as memory segments once, so a poke is a store and a peek
 * a load, plus one settle call when something changed. The method handles are made once per JVM and take
 * the function's address as their first argument, so the JIT sees them as constants. Short calls (a
 * wide poke or peek, a settle, a step of a few cycles) are critical
 * downcalls, which skip the thread-state transition; long ones (a big step, a batch chunk, the native
 * loop) are ordinary downcalls so the garbage collector never waits on them — except the batch, which
 * passes the Java column buffers directly (heap access needs a critical call) and so runs in chunks of
 * at most 64 KiB of columns.
 *
 * <p>A model that calls {@code $finish}, {@code $stop} or {@code $fatal}, or fails an assertion, makes the
 * shim return status 1 with a message (see shim.cpp); the session then throws one
 * {@link VerilatorException} and refuses further calls, as an isolated session does after a crash.
 */
final class NativeSession implements ModelSession {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);
    private static final Linker.Option CRITICAL_HEAP = Linker.Option.critical(true);
    private static final long CRITICAL_STEP_LIMIT = 64;  // longer steps leave the GC free to run

    // What opening a model and its first cycles need; each downcall handle costs a cold JVM tens of ms.
    private static final MethodHandle NET_COUNT = handle(FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle OPEN = handle(FunctionDescriptor.of(ADDRESS));
    private static final MethodHandle ERROR = handle(FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle CLOSE = handle(FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle SETTLE = handle(FunctionDescriptor.of(JAVA_INT, ADDRESS), CRITICAL);
    private static final MethodHandle STEP_SHORT = handle(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), CRITICAL);
    private static final MethodHandle NET_ADDR = handle(FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle DIRTY_ADDR = handle(FunctionDescriptor.of(ADDRESS, ADDRESS));

    /** Wide pokes and peeks (nets over 64 bits), made on first use. */
    private static final class WideCalls {
        static final MethodHandle POKE = handle(FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS), CRITICAL_HEAP);
        static final MethodHandle PEEK = handle(FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS), CRITICAL_HEAP);
    }

    /** Long steps and resets (not critical: the garbage collector may run meanwhile), made on first use. */
    private static final class LongCalls {
        static final MethodHandle STEP = handle(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    }

    /**
     * {@code dn_batch_columns} for each number of columns (inputs and outputs) it has been called with: a
     * variadic function, one heap segment per column after the fixed arguments, spread from an array.
     */
    private static final class ColumnCalls {
        static final ConcurrentHashMap<Integer, MethodHandle> BY_COUNT = new ConcurrentHashMap<>();

        static MethodHandle of(int columns) {
            return BY_COUNT.computeIfAbsent(columns, n -> {
                MemoryLayout[] args = new MemoryLayout[7 + n];
                List.of(ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS).toArray(args);
                Arrays.fill(args, 7, args.length, ADDRESS);
                return handle(FunctionDescriptor.of(JAVA_INT, args), Linker.Option.firstVariadicArg(7), CRITICAL_HEAP)
                        .asSpreader(MemorySegment[].class, n);
            });
        }
    }

    /** Batches, the native loop, the cycle counter and waveforms, made on first use. */
    private static final class BulkCalls {
        static final MethodHandle CYCLES = handle(FunctionDescriptor.of(JAVA_LONG, ADDRESS), CRITICAL);
        static final MethodHandle BATCH_FLAT = handle(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS), CRITICAL_HEAP);  // dn_batch_flat
        static final MethodHandle BENCH = handle(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle WAVES = handle(FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    private final String design;
    private final Path library;
    /** Where a long batch's model thread comes from ({@code SimOptions.batchThreads}). */
    private final ThreadFactory batchThreads;
    private final Arena arena;
    private final MemorySegment h;
    private final MemorySegment fError, fClose, fPoke, fSettle, fPeek, fStep, fReset, fCycles,
            fBatch, fBatchFlat, fBench, fWaves;
    /** Each net's storage inside the model (Verilator's layout), for pokes and peeks without a call. */
    private final MemorySegment[] netMemory;
    /** The shim's "inputs changed since the last evaluation" flag. */
    private final MemorySegment dirty;
    private VerilatorException failure;
    private boolean closed;
    /** The batch call's count of cycles simulated. */
    private final long[] done = new long[1];
    private final MemorySegment doneSegment = MemorySegment.ofArray(done);
    /** No poke or edge since the last settle: peeks need no evaluation (saves a downcall per peek). */
    private boolean settled;

    NativeSession(Path library, String design, List<NetSpec> nets, ThreadFactory batchThreads) {
        int netCount = Math.max(1, nets.size());
        this.design = design;
        this.batchThreads = batchThreads;
        this.library = library;
        this.arena = Arena.ofShared();
        try {
            SymbolLookup lib = SymbolLookup.libraryLookup(library, arena);
            fError = lib.findOrThrow("dn_error");
            fClose = lib.findOrThrow("dn_close");
            fPoke = lib.findOrThrow("dn_poke");
            fSettle = lib.findOrThrow("dn_settle");
            fPeek = lib.findOrThrow("dn_peek");
            fStep = lib.findOrThrow("dn_step");
            fReset = lib.findOrThrow("dn_reset");
            fCycles = lib.findOrThrow("dn_cycles");
            fBatch = lib.findOrThrow("dn_batch_columns");
            fBatchFlat = lib.findOrThrow("dn_batch_flat");
            fBench = lib.findOrThrow("dn_bench");
            fWaves = lib.findOrThrow("dn_waves");
            int count = (int) NET_COUNT.invokeExact(lib.findOrThrow("dn_net_count"));
            if (count != netCount) {
                throw new UnusableModel(library + " has " + count + " nets where its shim was generated with " + netCount, null);
            }
            h = (MemorySegment) OPEN.invokeExact(lib.findOrThrow("dn_open"));
            if (h.equals(MemorySegment.NULL)) throw new VerilatorException("The Verilator model of " + design + " could not be created (out of memory, or it stopped while starting).");
            String err = errorText();
            if (!err.isEmpty()) {
                closeModel();
                throw new VerilatorException("The Verilator model of " + design + " cannot start: " + err + ".");
            }
            MemorySegment fNetAddr = lib.findOrThrow("dn_net_addr");
            netMemory = new MemorySegment[nets.size()];
            for (NetSpec n : nets) {
                MemorySegment at = (MemorySegment) NET_ADDR.invokeExact(fNetAddr, h, n.index());
                netMemory[n.index()] = at.reinterpret(storageBytes(n), arena, null);
            }
            dirty = ((MemorySegment) DIRTY_ADDR.invokeExact(lib.findOrThrow("dn_dirty_addr"), h)).reinterpret(1, arena, null);
        } catch (VerilatorException | UnusableModel e) {
            arena.close();
            throw e;
        } catch (IllegalArgumentException | NoSuchElementException e) {
            arena.close();
            throw new UnusableModel("could not load " + library + ": " + e.getMessage(), e);
        } catch (Throwable t) {
            arena.close();
            throw new VerilatorException("could not start the Verilator model of " + design + ": " + t, t);
        }
    }

    /** Nothing: calling it initializes the class (the linker and the handles above); see {@link NativeWarmup}. */
    static void prepare() {}

    private static MethodHandle handle(FunctionDescriptor f, Linker.Option... options) {
        return LINKER.downcallHandle(f, options);
    }

    @Override public void poke(NetSpec n, byte[] src, int off) {
        usable();
        try {
            WideCalls.POKE.invokeExact(fPoke, h, n.index(), MemorySegment.ofArray(src).asSlice(off, n.wireBytes()));
            settled = false;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override public void poke64(NetSpec n, long masked) {
        usable();
        MemorySegment m = netMemory[n.index()];
        switch ((int) m.byteSize()) {
            case 1 -> m.set(JAVA_BYTE, 0, (byte) masked);
            case 2 -> m.set(JAVA_SHORT_UNALIGNED, 0, (short) masked);
            case 4 -> m.set(JAVA_INT_UNALIGNED, 0, (int) masked);
            default -> m.set(JAVA_LONG_UNALIGNED, 0, masked);
        }
        dirty.set(JAVA_BOOLEAN, 0, true);
        settled = false;
    }

    @Override public void peek(NetSpec n, byte[] dst) {
        settle(n);
        try {
            WideCalls.PEEK.invokeExact(fPeek, h, n.index(), MemorySegment.ofArray(dst));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override public long peek64(NetSpec n) {
        settle(n);
        long v = load64(netMemory[n.index()]);
        int w = n.type().width();
        return w >= 64 ? v : v & ((1L << w) - 1);  // bits above the width are zero (as the shim's peek makes them)
    }

    /** The storage of a net of at most 64 bits, zero-extended. */
    private static long load64(MemorySegment m) {
        return switch ((int) m.byteSize()) {
            case 1 -> m.get(JAVA_BYTE, 0) & 0xFFL;
            case 2 -> m.get(JAVA_SHORT_UNALIGNED, 0) & 0xFFFFL;
            case 4 -> m.get(JAVA_INT_UNALIGNED, 0) & 0xFFFF_FFFFL;
            default -> m.get(JAVA_LONG_UNALIGNED, 0);
        };
    }

    /** Bytes of Verilator's storage for a net: as storageBytes in model_core.inc. */
    private static long storageBytes(NetSpec n) {
        int w = n.type().width();
        return w <= 8 ? 1 : w <= 16 ? 2 : w <= 32 ? 4 : w <= 64 ? 8 : 4L * n.words();
    }

    private void settle(NetSpec peeked) {
        usable();
        if (settled) return;
        int status;
        try {
            status = (int) SETTLE.invokeExact(fSettle, h);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (status != 0) throw stopped("peeking " + peeked.name());
        settled = true;
    }

    @Override public void step(long n) {
        usable();
        settled = false;
        int status;
        try {
            status = n <= CRITICAL_STEP_LIMIT ? (int) STEP_SHORT.invokeExact(fStep, h, n) : (int) LongCalls.STEP.invokeExact(fStep, h, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (status != 0) throw stopped("stepping");
    }

    @Override public void reset(long n) {
        usable();
        settled = false;
        int status;
        try {
            status = n <= CRITICAL_STEP_LIMIT ? (int) STEP_SHORT.invokeExact(fReset, h, n) : (int) LongCalls.STEP.invokeExact(fReset, h, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (status != 0) throw stopped("resetting");
    }

    @Override public long cycles() {
        if (closed) return 0;
        try {
            return (long) BulkCalls.CYCLES.invokeExact(fCycles, h);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override public void runBatch(BatchColumns cols, long cycles, BlockStimulus stimulus, BlockObserver observer) {
        usable();
        new NativeBatch(this, cols, observer != null, batchThreads).run(cycles, stimulus, observer);
    }

    /**
     * The current values of the batch's inputs, read from the model's storage: one cycle's longs, column
     * after column (the block layout, signed values sign-extended).
     */
    long[] inputValues(BatchColumns cols) {
        long[] v = new long[cols.inLongs];
        int at = 0;
        for (NetSpec n : cols.ins) {
            MemorySegment m = netMemory[n.index()];
            int w = LongWords.count(n.type().width());
            if (w == 1) {
                v[at] = LongWords.norm(load64(m), n.type().width(), n.type().signed());
            } else {
                MemorySegment.copy(m, 0, MemorySegment.ofArray(v), 8L * at, m.byteSize());
                int top = n.type().width() - 64 * (w - 1);
                v[at + w - 1] = LongWords.norm(v[at + w - 1], top, n.type().signed());
            }
            at += w;
        }
        return v;
    }

    /**
     * Runs {@code cycles} cycles of a batch chunk: the model stores its inputs from, and loads its outputs
     * into, the Java arrays of {@code columns} (the input columns, then the output columns) directly, through
     * a critical downcall with heap access, so chunks stay small. {@code ins} and {@code outs} are heap
     * segments of {@link BatchColumns#inLanes}-style index lists. Returns the cycles simulated: all of them,
     * or those before the first cycle holding an input value that does not fit (the inputs then hold the
     * cycle before it).
     */
    int batchColumns(MemorySegment ins, int nIn, MemorySegment outs, int nOut, int cycles, MemorySegment[] columns) {
        settled = false;
        int status;
        try {
            status = (int) ColumnCalls.of(columns.length).invokeExact(fBatch, h, nIn, ins, nOut, outs, (long) cycles,
                    doneSegment, columns);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return batchDone(status);
    }

    /**
     * As {@link #batchColumns}, the columns back to back in one array each way ({@link BatchColumns#flatten}):
     * for a batch with more columns than a call can take one by one.
     */
    int batchFlat(MemorySegment ins, int nIn, MemorySegment outs, int nOut, int cycles, long[] in, long[] out) {
        settled = false;
        int status;
        try {
            status = (int) BulkCalls.BATCH_FLAT.invokeExact(fBatchFlat, h, nIn, ins, nOut, outs, (long) cycles,
                    doneSegment, MemorySegment.ofArray(in), MemorySegment.ofArray(out));
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return batchDone(status);
    }

    private int batchDone(int status) {
        if (status == 1) throw stopped("running a batch");
        return (int) done[0];
    }

    @Override public int waves(String path) {
        usable();
        try (Arena call = Arena.ofConfined()) {
            return (int) BulkCalls.WAVES.invokeExact(fWaves, h, call.allocateFrom(path));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override public long[] bench(BatchColumns cols, long cycles, long seed) {
        usable();
        settled = false;
        int status;
        long[] result = new long[2];
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ins = call.allocateFrom(JAVA_INT, BatchColumns.indexes(cols.ins));
            MemorySegment outs = call.allocateFrom(JAVA_INT, BatchColumns.indexes(cols.outs));
            MemorySegment r = call.allocate(JAVA_LONG, 2);
            status = (int) BulkCalls.BENCH.invokeExact(fBench, h, cycles, seed, cols.ins.size(), ins, cols.outs.size(), outs, r);
            result[0] = r.getAtIndex(JAVA_LONG, 0);
            result[1] = r.getAtIndex(JAVA_LONG, 1);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (status != 0) throw stopped("running the native loop");
        return result;
    }

    @Override public Path replayFile() { return null; }

    /** The shared library this session runs. */
    Path library() { return library; }

    private void usable() {
        if (failure != null) {
            throw new IllegalStateException("this simulation has ended after an earlier error: " + failure.getMessage());
        }
    }

    /** The model stopped: one error with the shim's message; the session refuses further calls. */
    private VerilatorException stopped(String doing) {
        failure = new VerilatorException("The Verilator model of " + design + " stopped while " + doing + ": "
                + errorText() + ".");
        return failure;
    }

    private String errorText() {
        try {
            MemorySegment p = (MemorySegment) ERROR.invokeExact(fError, h);
            return p.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    private void closeModel() {
        try {
            CLOSE.invokeExact(fClose, h);
        } catch (Throwable t) {
            // the model is being dropped; nothing to tell the caller
        }
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        closeModel();
        arena.close();
    }
}
