package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SimOptions.withBatchThreads}: a long in-process batch simulates on a thread the user's factory made. */
class BatchThreadsTest {
    @TempDir static Path work;

    @BeforeAll static void verilator() { TestDesigns.assumeVerilator(); }

    /** Runs a 200,000-cycle batch counting enabled cycles; returns the count the design reports. */
    private static long countTo(Simulation sim) {
        sim.reset();
        long[] last = {-1};
        sim.runBatch(List.of("en"), List.of("count"), 200_000,
                (first, n, in) -> Arrays.fill(in[0], 0, n, 1),
                (first, n, out) -> last[0] = out[0][n - 1]);
        return last[0];
    }

    @Test void aLongBatchSimulatesOnAThreadFromTheFactory() {
        AtomicInteger made = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        ThreadFactory counting = task -> {
            made.incrementAndGet();
            return Thread.ofPlatform().daemon().name("dut-model").unstarted(() -> {
                ran.incrementAndGet();
                task.run();
            });
        };
        SimOptions opts = TestDesigns.options(work).withBatchThreads(counting);
        try (Simulation sim = Simulations.open(TestDesigns.widget(), opts)) {
            assertEquals((200_000 - 1) & 0xFF, countTo(sim), "the count the design shows on the last cycle");
            assertEquals(1, made.get(), "one model thread per pipelined batch");
            assertEquals(1, ran.get());
            sim.runBatch(List.of("en"), List.of("count"), 10, (first, n, in) -> Arrays.fill(in[0], 0, n, 1), null);
            assertEquals(1, made.get(), "a batch of one chunk runs on the calling thread");
        }
    }

    @Test void aFactoryThatMakesNoThreadIsNamed() {
        SimOptions opts = TestDesigns.options(work).withBatchThreads(task -> null);
        try (Simulation sim = Simulations.open(TestDesigns.widget(), opts)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> countTo(sim));
            assertTrue(e.getMessage().startsWith("SimOptions.batchThreads made no thread"), e.getMessage());
        }
    }

    @Test void noFactoryIsRefusedWhenTheOptionsAreMade() {
        SimOptions opts = SimOptions.verilator();
        NullPointerException e = assertThrows(NullPointerException.class, () -> opts.withBatchThreads(null));
        assertTrue(e.getMessage().contains("batchThreads"), e.getMessage());
    }
}
