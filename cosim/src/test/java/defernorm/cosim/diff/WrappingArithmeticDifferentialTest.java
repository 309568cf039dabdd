package defernorm.cosim.diff;

import static org.junit.jupiter.api.Assertions.assertNull;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.fuzz.EngineOutputs;
import defernorm.cosim.fuzz.IcarusRun;
import defernorm.cosim.random.DesignBatch;
import defernorm.cosim.random.Gene;
import defernorm.cosim.random.Genome;
import defernorm.cosim.random.RandomDesign;
import defernorm.cosim.random.RandomStimulus;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The emitter writes a truncated add, subtract, multiply or negation of a generated temporary as a wrapping
 * operation of the truncation's width (hdl's {@code WrappingArithmetic}); random designs whose temporaries are
 * all named as the HDL names them ({@code _...}; plain random designs name every other one so), half their
 * genes chains of truncated arithmetic, must still give the built-in engine's values on Icarus and on Verilator.
 */
class WrappingArithmeticDifferentialTest {
    private static final int CYCLES = 100;

    /** Genes half of which are chains of 3..14 operations (kind 16), which truncate their sums and products. */
    @Provide
    Arbitrary<Genome> designs() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 999);
        Arbitrary<Integer> kind = Arbitraries.oneOf(Arbitraries.integers().between(0, RandomDesign.KINDS - 1), Arbitraries.just(16));
        Arbitrary<Gene> gene = Combinators.combine(kind, n, n, n, n).as(Gene::new);
        return Combinators.combine(gene.list().ofMinSize(1).ofMaxSize(14), gene.list().ofMaxSize(6)).as(Genome::new);
    }

    @Provide
    Arbitrary<List<Genome>> batches() { return designs().list().ofMinSize(4).ofMaxSize(4); }

    @AddLifecycleHook(Tools.NeedsIcarus.class)
    @Property(tries = 20, seed = "20261130")
    void icarusAgreesWithTheBuiltinEngine(@ForAll("designs") Genome genome) throws Exception {
        Design design = withGeneratedNames(RandomDesign.build(genome, "wr"));
        RandomStimulus stim = RandomStimulus.of(design, CYCLES, genome.hashCode());
        BigInteger[][] builtin = builtin(design, stim);
        Path dir = Files.createTempDirectory("defernorm-wrap-icarus");
        try {
            BigInteger[][] icarus = IcarusRun.run(design, stim, design.topModule().outputs(), dir);
            String diff = EngineOutputs.firstDifference(design, "icarus", icarus, "builtin", builtin);
            assertNull(diff, () -> diff + "\n" + IcarusDifferentialTest.verilog(design));
        } finally {
            org.apache.commons.io.FileUtils.deleteDirectory(dir.toFile());
        }
    }

    /** One Verilator build of four designs side by side (a build costs seconds). */
    @AddLifecycleHook(Tools.NeedsVerilator.class)
    @Property(tries = 1, seed = "20261130")
    void verilatorAgreesWithTheBuiltinEngine(@ForAll("batches") List<Genome> genomes) throws Exception {
        List<Design> parts = new ArrayList<>();
        for (int i = 0; i < genomes.size(); i++) parts.add(RandomDesign.build(genomes.get(i), "w" + i));
        Design design = withGeneratedNames(DesignBatch.combine("wrap_top", parts));
        RandomStimulus stim = RandomStimulus.of(design, CYCLES, genomes.hashCode());
        BigInteger[][] builtin = builtin(design, stim);
        Path work = Files.createTempDirectory("defernorm-wrap-verilator");
        BigInteger[][] verilator;
        try (Simulation sim = Simulations.open(design, SimOptions.verilator().withWorkDir(work))) {
            verilator = EngineOutputs.run(sim, design, stim);
        } finally {
            org.apache.commons.io.FileUtils.deleteDirectory(work.toFile());
        }
        String diff = EngineOutputs.firstDifference(design, "verilator", verilator, "builtin", builtin);
        assertNull(diff, () -> diff + "\n" + IcarusDifferentialTest.verilog(design));
    }

    private static BigInteger[][] builtin(Design design, RandomStimulus stim) {
        try (Simulation sim = Simulations.open(design, SimOptions.builtin())) {
            return EngineOutputs.run(sim, design, stim);
        }
    }

    /** {@code d} with every net that is not a port renamed {@code _<name>}: a generated temporary to the emitter. */
    static Design withGeneratedNames(Design d) {
        List<ModuleIr> modules = new ArrayList<>();
        for (ModuleIr m : d.modules()) {
            Set<String> temps = new HashSet<>();
            for (Node n : m.nodes()) if (!(n instanceof Node.Input || n instanceof Node.Output)) temps.add(n.name());
            UnaryOperator<String> r = n -> n != null && temps.contains(n) ? "_" + n : n;
            modules.add(new ModuleIr(m.name(),
                    m.nodes().stream().map(n -> n.mapNames(r)).toList(),
                    m.memories().stream().map(x -> new Memory(x.name(), x.width(), x.depth(), x.init(),
                            r.apply(x.wrEnable()), r.apply(x.wrAddr()), r.apply(x.wrData()), x.loc())).toList(),
                    m.instances().stream().map(x -> new Instance(x.name(), x.module(),
                            x.inputs().stream().map(c -> new Instance.Connection(c.port(), r.apply(c.net()))).toList(), x.loc())).toList(),
                    m.debug().stream().map(r).toList(), m.checks().stream().map(c -> c.mapNames(r)).toList(),
                    m.blackBox(), m.loc()));
        }
        return new Design(d.top(), modules);
    }
}
