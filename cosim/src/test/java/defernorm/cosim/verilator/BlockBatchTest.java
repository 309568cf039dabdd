package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The block form of runBatch on every engine: the same outputs as the per-cycle form (narrow, signed and
 * 100-bit nets, across many blocks), inputs holding their values, values that do not fit, and early stops.
 */
class BlockBatchTest {
    private static final List<String> INS = List.of("en", "s_in", "wide_in", "a");
    private static final List<String> OUTS = List.of("count", "s_out", "wide_out", "dbl", "u_dbl.twice");
    private static final int CYCLES = 20_000;  // several blocks on every engine

    @Nested @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Builtin extends Cases {
        Builtin() { super(Mode.BUILTIN); }
    }

    @Nested @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class InProcess extends Cases {
        InProcess() { super(Mode.IN_PROCESS); }
    }

    @Nested @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Isolated extends Cases {
        Isolated() { super(Mode.ISOLATED); }
    }

    enum Mode { BUILTIN, IN_PROCESS, ISOLATED }

    abstract static class Cases {
        private final Mode mode;
        Path work;
        Simulation sim;

        Cases(Mode mode) { this.mode = mode; }

        @BeforeAll void open() throws IOException {
            if (mode != Mode.BUILTIN) TestDesigns.assumeVerilator();
            work = Files.createTempDirectory("defernorm-block-" + mode);
            SimOptions o = switch (mode) {
                case BUILTIN -> SimOptions.builtin();
                case IN_PROCESS -> TestDesigns.options(work);
                case ISOLATED -> TestDesigns.isolated(work);
            };
            sim = Simulations.open(TestDesigns.widget(), o);
        }

        @AfterAll void close() {
            if (sim != null) sim.close();
            if (work != null) FileUtils.deleteQuietly(work.toFile());
        }

        /** Cycle c's inputs: en, s_in (SInt(12)), wide_in (UInt(100), as two longs), a (UInt(8)). */
        private static long[] inputs(long c) {
            SplittableRandom r = new SplittableRandom(c);
            return new long[] {r.nextInt(2), r.nextInt(4096) - 2048, r.nextLong(), r.nextLong() & ((1L << 36) - 1), r.nextInt(256)};
        }

        private static BigInteger wide(long lo, long hi) {
            return BigInteger.valueOf(hi).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
        }

        @Test void blockAndPerCycleFormsSeeTheSameOutputs() {
            BigInteger[][] perCycle = new BigInteger[CYCLES][];
            sim.reset();
            long start = sim.cycle();
            sim.runBatch(INS, OUTS, CYCLES,
                    (c, in) -> {
                        long[] v = inputs(c);
                        in.set(0, v[0]);
                        in.set(1, v[1]);
                        in.set(2, wide(v[2], v[3]));
                        in.set(3, v[4]);
                    },
                    (c, out) -> perCycle[(int) c] = new BigInteger[] {BigInteger.valueOf(out.get(0)),
                            BigInteger.valueOf(out.get(1)), out.getBig(2), BigInteger.valueOf(out.get(3)), out.getBig(4)});
            assertEquals(start + CYCLES, sim.cycle());

            BigInteger[][] block = new BigInteger[CYCLES][];
            int[] blocks = {0};
            sim.reset();
            sim.runBatch(INS, OUTS, CYCLES,
                    (first, count, in) -> {
                        for (int k = 0; k < count; k++) {
                            long[] v = inputs(first + k);
                            in[0][k] = v[0];
                            in[1][k] = v[1];
                            in[2][2 * k] = v[2];
                            in[2][2 * k + 1] = v[3];
                            in[3][k] = v[4];
                        }
                    },
                    (first, count, out) -> {
                        blocks[0]++;
                        for (int k = 0; k < count; k++) {
                            block[(int) first + k] = new BigInteger[] {BigInteger.valueOf(out[0][k]), BigInteger.valueOf(out[1][k]),
                                    wide(out[2][2 * k], out[2][2 * k + 1]), BigInteger.valueOf(out[3][k]), BigInteger.valueOf(out[4][k])};
                        }
                    });
            assertTrue(blocks[0] > 1, blocks[0] + " blocks");
            for (int c = 0; c < CYCLES; c++) assertArrayEquals(perCycle[c], block[c], "cycle " + c);
            // the pass-through and the registered signed input, checked against the stimulus itself
            long[] v = inputs(1234);
            assertEquals(wide(v[2], v[3]), block[1234][2]);
            assertEquals(BigInteger.valueOf(inputs(1233)[1]), block[1234][1]);
            assertEquals(inputs(CYCLES - 1)[1], sim.peekLong("s_in"), "inputs keep the batch's last values");
        }

        @Test void columnsStartWithTheInputsValuesAndHoldThem() {
            sim.reset();
            sim.poke("en", 1);
            sim.poke("a", 7);
            long[] seen = new long[2];
            long[] count = new long[1];
            sim.runBatch(List.of("en", "a"), List.of("count"), 3000,
                    (first, n, in) -> {
                        if (first == 0) { seen[0] = in[0][n - 1]; seen[1] = in[1][0]; }
                        for (int k = 0; k < n; k++) in[1][k] = (first + k) & 0xFF;  // en left alone
                    },
                    (first, n, out) -> count[0] = out[0][n - 1]);
            assertArrayEquals(new long[] {1, 7}, seen);
            assertEquals(2999 & 0xFF, count[0], "en held at 1 on every cycle");
            assertEquals(2999 & 0xFF, sim.peekLong("a"));
        }

        @Test void aValueThatDoesNotFitNamesCycleInputAndValue() {
            sim.reset();
            long start = sim.cycle();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.runBatch(List.of("a"), List.of(),
                    CYCLES, (first, n, in) -> { for (int k = 0; k < n; k++) in[0][k] = first + k == 1234 ? 256 : 1; }, null));
            assertEquals("batch cycle 1234: value 256 does not fit input 'a' of UInt(8) (range 0..255)", e.getMessage());
            assertTrue(sim.cycle() - start <= 1234, "the cycle's block is not simulated: ran " + (sim.cycle() - start));
            e = assertThrows(IllegalArgumentException.class, () -> sim.runBatch(List.of("s_in"), List.of(), 10,
                    (first, n, in) -> in[0][3] = -2049, null));
            assertEquals("batch cycle 3: value -2049 does not fit input 's_in' of SInt(12) (range -2048..2047)", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> sim.runBatch(List.of("wide_in"), List.of(), 10,
                    (first, n, in) -> in[0][2 * 5 + 1] = 1L << 36, null));
            assertTrue(e.getMessage().startsWith("batch cycle 5: value 1267650600228229401496703205376 does not fit input 'wide_in' of UInt(100)"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> sim.runBatch(List.of("a"), List.of(), 10,
                    (c, in) -> in.set(0, c == 4 ? -1 : 0), null));
            assertEquals("batch cycle 4: value -1 does not fit input 'a' of UInt(8) (range 0..255)", e.getMessage());
            sim.poke("a", 3);
            assertEquals(6, sim.peekLong("dbl"), "the simulation stays usable");
        }

        @Test void aMisfitIsReportedAtItsEarliestCycleAndLeavesTheLastSimulatedCycle() {
            sim.reset();
            long start = sim.cycle();
            // 'a' goes wrong at cycle 1500, 's_in' (a later column) at 1400: the earlier cycle is the one named
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.runBatch(List.of("a", "s_in"), List.of(),
                    CYCLES, (first, n, in) -> {
                        for (int k = 0; k < n; k++) {
                            long c = first + k;
                            in[0][k] = c == 1500 ? 300 : c & 0xFF;
                            in[1][k] = c == 1400 ? 5000 : -(c & 0x7FF);
                        }
                    }, null));
            assertEquals("batch cycle 1400: value 5000 does not fit input 's_in' of SInt(12) (range -2048..2047)", e.getMessage());
            long ran = sim.cycle() - start;
            assertTrue(ran <= 1400, "ran " + ran);
            if (ran > 0) {
                assertEquals((ran - 1) & 0xFF, sim.peekLong("a"), "the inputs hold the last simulated cycle's values");
                assertEquals(-((ran - 1) & 0x7FF), sim.peekLong("s_in"));
            }
        }

        @Test void anObserverThatThrowsStopsTheBatch() {
            sim.reset();
            long start = sim.cycle();
            IllegalStateException boom = new IllegalStateException("stop here");
            assertSame(boom, assertThrows(IllegalStateException.class, () -> sim.runBatch(List.of("en"), List.of("count"), 2_000_000,
                    (first, n, in) -> java.util.Arrays.fill(in[0], 0, n, 1),
                    (first, n, out) -> { if (first + n > 5000) throw boom; })));
            long ran = sim.cycle() - start;
            // Engines simulate a few chunks ahead of the observer (at most 2 of 65,536 cycles beyond the rows
            // read back in isolation), never the whole batch, however the threads are scheduled.
            assertTrue(ran >= 5000 && ran < 300_000, "ran " + ran);
            assertEquals(ran & 0xFF, sim.peekLong("count"));
        }

        @Test void aStimulusThatThrowsStopsTheBatchBeforeItsBlock() {
            sim.reset();
            long start = sim.cycle();
            IllegalStateException boom = new IllegalStateException("no more stimulus");
            long[] observed = {0};
            assertSame(boom, assertThrows(IllegalStateException.class, () -> sim.runBatch(List.of("en"), List.of("count"), 200_000,
                    (first, n, in) -> {
                        if (first + n > 10_000) throw boom;
                        java.util.Arrays.fill(in[0], 0, n, 1);
                    },
                    (first, n, out) -> observed[0] = first + n)));
            long ran = sim.cycle() - start;
            assertTrue(ran <= 10_000, "ran " + ran);
            assertEquals(ran, observed[0], "every block simulated is observed");
        }
    }
}
