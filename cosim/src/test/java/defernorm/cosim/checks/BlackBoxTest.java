package defernorm.cosim.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.eda.CheckReport;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A black box: the user's Verilog on Verilator, its behavioural model on the built-in engine, or a refusal. */
class BlackBoxTest {
    @TempDir Path work;

    /** Drives d = 10, 20, 30, ... and checks y = d(previous cycle) + 1 + 2. */
    private static void run(Simulation sim) {
        sim.poke("d", 0);
        sim.reset();
        sim.expect("y", 2);              // q = 0 after reset
        for (int c = 1; c <= 5; c++) {
            sim.poke("d", 10 * c);
            sim.step();
            sim.expect("y", 10 * c + 3);
        }
    }

    @Test
    void verilatorSimulatesTheUsersVerilog() {
        ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
        Design d = Elaborator.elaborate(new CheckDesigns.WithBox(false));
        try (Simulation sim = Simulations.open(d, SimOptions.verilator().withWorkDir(work))) {
            run(sim);
        }
    }

    @Test
    void theBuiltinEngineRunsTheBehaviouralModel() {
        Design d = Elaborator.elaborate(new CheckDesigns.WithBox(true));
        try (Simulation sim = Simulations.open(d, SimOptions.builtin())) {
            run(sim);
        }
    }

    @Test
    void theBuiltinEngineRefusesABlackBoxWithoutModelInOneSentence() {
        Design d = Elaborator.elaborate(new CheckDesigns.WithBox(false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulations.open(d, SimOptions.builtin()));
        assertEquals("The built-in engine cannot simulate black box 'Delay8' (instance 'box' at CheckDesigns.java:"
                + CheckDesigns.WithBox.instanceLine + "): give it a behavioural model (override BlackBox.model()) or"
                + " simulate on Verilator.", e.getMessage());
    }

    @Test
    void theBlackBoxIsEmittedAsTheUsersFileAndPassesTheTools() {
        ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG, Tool.YOSYS).ifPresent(Assumptions::abort);
        Design d = Elaborator.elaborate(new CheckDesigns.WithBox(false));
        List<VerilogFile> files = VerilogEmitter.emit(d);
        VerilogFile box = files.stream().filter(f -> f.fileName().equals("Delay8.v")).findFirst().orElseThrow();
        assertEquals("`timescale 1ns/1ps\n" + CheckDesigns.DELAY_VERILOG, box.text());   // the only addition
        VerilogEmitter.writeTo(work, files);
        CheckReport r = ToolChecks.checkAll(work, d.top());
        assertTrue(r.passed(), r.failures());
    }

    @Test
    void assertionsAndCoverPassLintIcarusAndSynthesis() {
        ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG, Tool.YOSYS).ifPresent(Assumptions::abort);
        Design d = Elaborator.elaborate(new CheckDesigns.Top());
        List<VerilogFile> files = VerilogEmitter.emit(d);
        String counting = files.stream().filter(f -> f.fileName().equals("Counting.v")).findFirst().orElseThrow().text();
        assertTrue(counting.contains("`ifndef SYNTHESIS") && counting.contains("$fatal(1, \"Assertion failed in cycle %0d at"
                + " CheckDesigns.java:" + CheckDesigns.ASSERT_LINE + ": count stays below 5 while counting\", _dn_cycle);"),
                counting);
        VerilogEmitter.writeTo(work, files);
        CheckReport r = ToolChecks.checkAll(work, d.top());
        assertTrue(r.passed(), r.failures());
    }
}
