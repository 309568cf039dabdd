package defernorm.cosim.diff;

import static org.junit.jupiter.api.Assertions.assertNull;

import defernorm.cosim.SimOptions;
import defernorm.cosim.fuzz.EngineOutputs;
import defernorm.cosim.fuzz.IcarusRun;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.random.Genome;
import defernorm.cosim.random.RandomDesign;
import defernorm.cosim.random.RandomStimulus;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The third opinion: random designs run on the built-in engine and on Icarus Verilog (the emitted Verilog
 * with a generated testbench) must agree on every output, every cycle.
 */
class IcarusDifferentialTest {
    private static final int CYCLES = 100;

    @Provide
    Arbitrary<Genome> designs() { return DesignArbitraries.genomes(14, 6); }

    @AddLifecycleHook(Tools.NeedsIcarus.class)
    @Property(tries = 20, seed = "20261122")
    void builtinAgreesWithIcarus(@ForAll("designs") Genome genome) throws Exception {
        Design design = RandomDesign.build(genome, "fz");
        RandomStimulus stim = RandomStimulus.of(design, CYCLES, genome.hashCode());
        BigInteger[][] builtin;
        try (Simulation sim = Simulations.open(design, SimOptions.builtin())) {
            builtin = EngineOutputs.run(sim, design, stim);
        }
        Path dir = Files.createTempDirectory("defernorm-icarus");
        try {
            BigInteger[][] icarus = IcarusRun.run(design, stim, design.topModule().outputs(), dir);
            String diff = EngineOutputs.firstDifference(design, "icarus", icarus, "builtin", builtin);
            assertNull(diff, () -> diff + "\n" + verilog(design));
        } finally {
            org.apache.commons.io.FileUtils.deleteDirectory(dir.toFile());
        }
    }

    static String verilog(Design design) {
        return VerilogEmitter.emit(design).stream().map(VerilogFile::text).collect(Collectors.joining("\n"));
    }
}
