package defernorm.cosim.diff;

import static org.junit.jupiter.api.Assertions.assertNull;

import defernorm.cosim.SimOptions;
import defernorm.cosim.fuzz.EngineOutputs;
import defernorm.cosim.fuzz.IcarusRun;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.random.DesignBatch;
import defernorm.cosim.random.Genome;
import defernorm.cosim.random.RandomDesign;
import defernorm.cosim.random.RandomStimulus;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The two engines must agree: random designs run on the built-in engine and on Verilator with the same
 * random stimulus give the same value on every output, every cycle. A Verilator build costs seconds, so
 * each try puts {@value #PER_BUILD} random designs side by side under one generated top (one build), and
 * the build cache makes reruns cheap. 3 tries x 4 = 12 designs.
 */
class VerilatorDifferentialTest {
    private static final int PER_BUILD = 4;
    private static final int CYCLES = 300;

    @Provide
    Arbitrary<List<Genome>> batches() { return DesignArbitraries.genomes(16, 6).list().ofMinSize(1).ofMaxSize(PER_BUILD); }

    @AddLifecycleHook(Tools.NeedsVerilator.class)
    @Property(tries = 3, seed = "20261122")
    void builtinAgreesWithVerilator(@ForAll("batches") List<Genome> genomes) throws Exception {
        List<Design> parts = new ArrayList<>();
        for (int i = 0; i < genomes.size(); i++) parts.add(RandomDesign.build(genomes.get(i), "d" + i));
        Design design = DesignBatch.combine("fuzz_top", parts);
        RandomStimulus stim = RandomStimulus.of(design, CYCLES, genomes.hashCode());
        BigInteger[][] builtin;
        try (Simulation sim = Simulations.open(design, SimOptions.builtin())) {
            builtin = EngineOutputs.run(sim, design, stim);
        }
        BigInteger[][] verilator;
        java.nio.file.Path work = Files.createTempDirectory("defernorm-diff");
        try (Simulation sim = Simulations.open(design, SimOptions.verilator().withWorkDir(work))) {
            verilator = EngineOutputs.run(sim, design, stim);
        } finally {
            org.apache.commons.io.FileUtils.deleteDirectory(work.toFile());
        }
        String diff = EngineOutputs.firstDifference(design, "verilator", verilator, "builtin", builtin);
        assertNull(diff, () -> diff + "\n" + IcarusDifferentialTest.verilog(design));
    }
}
