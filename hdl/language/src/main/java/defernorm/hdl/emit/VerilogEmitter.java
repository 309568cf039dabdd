package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an elaborated {@link Design} into synthesizable Verilog-2005: one module per file, named
 * {@code <Module>.v}, children before parents. A pure function of the IR: the same design always gives
 * byte-identical text. Net and port names are the IR's, verbatim.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(new Counter(8));
 * List<VerilogFile> files = VerilogEmitter.emit(d, EmitOptions.defaults().withSourceComments(true));
 * VerilogEmitter.writeTo(Path.of("rtl-out/counter"), files);
 * }</pre>
 *
 * <p>Clocked modules ({@link Design#isClocked}) get {@code input wire clk, input wire rst} as their first
 * ports; registers use a synchronous, active-high reset; memories are {@code reg} arrays with clocked,
 * read-first read ports, so Yosys infers {@code $mem} cells. Assertions and cover points are emitted inside
 * {@code `ifndef SYNTHESIS} ({@link CheckBlock}); a black box's file is the user's Verilog, unchanged.
 */
public final class VerilogEmitter {
    private VerilogEmitter() {}

    /** The design's files, children first (the order of {@link Design#modules()}). */
    public static List<VerilogFile> emit(Design design, EmitOptions options) {
        Set<String> clocked = design.clockedModules();
        Map<String, ModuleIr> byName = new HashMap<>();
        for (ModuleIr m : design.modules()) byName.put(m.name(), m);
        List<VerilogFile> files = new ArrayList<>();
        for (ModuleIr m : design.modules()) {
            String text = m.isBlackBox() ? blackBoxText(m.blackBox().verilog())
                    : new ModuleEmitter(m, byName, clocked, options).emit();
            files.add(new VerilogFile(m.name() + ".v", text));
        }
        return List.copyOf(files);
    }

    /**
     * A black box's file: the user's Verilog as given, after a {@code `timescale} line when it has none (all
     * modules of a design need one for Verilator's TIMESCALEMOD check, as ours carry one).
     */
    static String blackBoxText(String verilog) {
        return verilog.contains("`timescale") ? verilog : "`timescale 1ns/1ps\n" + verilog;
    }

    /** {@link #emit} with {@link EmitOptions#defaults()}. */
    public static List<VerilogFile> emit(Design design) { return emit(design, EmitOptions.defaults()); }

    /** Writes {@code files} into {@code dir} (created if missing); returns their paths in the same order. */
    public static List<Path> writeTo(Path dir, List<VerilogFile> files) {
        List<Path> paths = new ArrayList<>();
        for (VerilogFile f : files) paths.add(f.writeTo(dir));
        return List.copyOf(paths);
    }
}
