package defernorm.cosim.fuzz;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.random.RandomStimulus;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/**
 * Runs one design under one stimulus on each of the three simulators and compares with the built-in engine.
 * Verilator runs through {@link VerilatorRun} (fast to build). A tool that throws (Verilator or g++ refusing
 * the Verilog, iverilog failing) yields a REJECTED outcome
 * with its message; scratch files live under {@code work} and are deleted afterwards.
 */
final class Engines {
    static final String VERILATOR = "verilator", ICARUS = "icarus", BUILTIN = "builtin";

    private final Path work;
    private final VerilatorRun verilator;

    Engines(Path work) {
        this.work = work.toAbsolutePath();
        this.verilator = new VerilatorRun(this.work.resolve("verilator-runtime"));
    }

    /** The built-in engine's outputs[cycle][output]; it is the reference, so its failures propagate. */
    static BigInteger[][] builtin(Design design, RandomStimulus stim) {
        try (Simulation sim = Simulations.open(design, SimOptions.builtin())) {
            return EngineOutputs.run(sim, design, stim);
        }
    }

    /** {@code tool}'s verdict on {@code design} against the built-in engine's {@code reference} outputs. */
    Outcome compare(String tool, Design design, RandomStimulus stim, BigInteger[][] reference) {
        BigInteger[][] got;
        try {
            got = run(tool, design, stim);
        } catch (Exception e) {
            return new Outcome(Outcome.Kind.REJECTED, tool, String.valueOf(e.getMessage()));
        }
        String diff = EngineOutputs.firstDifference(design, tool, got, BUILTIN, reference);
        return diff == null ? Outcome.agree(tool) : new Outcome(Outcome.Kind.DISAGREE, tool, diff);
    }

    /** outputs[cycle][output] of {@code design} on {@code tool} ({@link #VERILATOR} or {@link #ICARUS}). */
    BigInteger[][] run(String tool, Design design, RandomStimulus stim) throws Exception {
        Path dir = Files.createDirectories(work).toAbsolutePath().resolve(tool + "-" + System.nanoTime());
        Files.createDirectories(dir);
        try {
            if (tool.equals(ICARUS)) return IcarusRun.run(design, stim, design.topModule().outputs(), dir);
            return verilator.run(design, stim, dir);
        } finally {
            FileUtils.deleteDirectory(dir.toFile());
        }
    }
}
