package defernorm.cosim.diff;

import static org.junit.jupiter.api.Assertions.assertNull;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.fuzz.EngineOutputs;
import defernorm.cosim.fuzz.IcarusRun;
import defernorm.cosim.random.ModuleBuilder;
import defernorm.cosim.random.RandomStimulus;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shift amounts Verilator 5.006 gets wrong or refuses unless the emitter narrows them (issue 13): amounts
 * wider than 64 bits whose value is 64 or more (its wide-shift helpers wrap), constant amounts wider than
 * 32 bits (it refuses to build), and a wide constant that only reaches a shift through a slice. The three
 * simulators must agree on every output, every cycle; a 7-bit counter sweeps the amounts 0..127 twice.
 */
class ShiftAmountQuirksTest {
    private static final int CYCLES = 300;

    @TempDir
    Path dir;

    private static Design design() {
        ModuleBuilder m = new ModuleBuilder("shift_quirks");
        String x = m.input("x", Type.uint(48));
        String xs = m.input("xs", Type.sint(48));
        String x80 = m.input("x80", Type.uint(80));
        String a70 = m.input("a70", Type.uint(70));
        String a40 = m.input("a40", Type.uint(40));
        // amounts 0..127 in a 70-bit net: the value 64 is the one Verilator 5.006 wrapped
        String count = m.reg("count", Type.uint(7), BigInteger.ZERO);
        m.connect(count, m.resize(m.binary(BinaryOp.ADD, count, m.constant(Type.uint(7), 1)), 7), null);
        String sweep = m.concat(m.constant(Type.uint(63), 0), count);
        String c64 = m.constant(Type.uint(70), 64);
        String c47 = m.constant(Type.uint(47), new BigInteger("399692cea4a2", 16));
        String c47low = m.slice(c47, 40, 0);
        m.output("shl_sweep", m.binary(BinaryOp.SHL, x, sweep));
        m.output("shr_sweep", m.binary(BinaryOp.SHR, x, sweep));
        m.output("sshr_sweep", m.binary(BinaryOp.SHR, xs, sweep));
        m.output("shl80_sweep", m.binary(BinaryOp.SHL, x80, sweep));
        m.output("shr80_sweep", m.binary(BinaryOp.SHR, x80, sweep));
        m.output("shl_c64", m.binary(BinaryOp.SHL, x, c64));
        m.output("sshr_c64", m.binary(BinaryOp.SHR, xs, c64));
        m.output("shl_a70", m.binary(BinaryOp.SHL, x, a70));
        m.output("shr_a40", m.binary(BinaryOp.SHR, x, a40));
        m.output("sshr_a40", m.binary(BinaryOp.SHR, xs, a40));
        m.output("shl_c47", m.binary(BinaryOp.SHL, x, c47));
        m.output("shr_c47low", m.binary(BinaryOp.SHR, x, c47low));
        m.output("c47_bit0", m.slice(c47, 0, 0));
        return new Design("shift_quirks", List.of(m.build()));
    }

    @Test
    void builtinVerilatorAndIcarusAgreeOnWideShiftAmounts() throws Exception {
        for (Tool t : List.of(Tool.VERILATOR, Tool.IVERILOG)) {
            Assumptions.assumeTrue(ToolChecks.skipReason(t).isEmpty(), () -> ToolChecks.skipReason(t).orElse(""));
        }
        Design design = design();
        RandomStimulus stim = RandomStimulus.of(design, CYCLES, 13);
        BigInteger[][] builtin, verilator;
        try (Simulation sim = Simulations.open(design, SimOptions.builtin())) {
            builtin = EngineOutputs.run(sim, design, stim);
        }
        try (Simulation sim = Simulations.open(design, SimOptions.verilator().withWorkDir(dir.resolve("verilator")))) {
            verilator = EngineOutputs.run(sim, design, stim);
        }
        Path icarusDir = Files.createDirectories(dir.resolve("icarus"));
        BigInteger[][] icarus = IcarusRun.run(design, stim, design.topModule().outputs(), icarusDir);
        String v = EngineOutputs.firstDifference(design, "verilator", verilator, "builtin", builtin);
        assertNull(v, v);
        String i = EngineOutputs.firstDifference(design, "icarus", icarus, "builtin", builtin);
        assertNull(i, i);
    }
}
