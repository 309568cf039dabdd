package com.example.hw;

import defernorm.hdl.Component;
import defernorm.hdl.Elaboration;
import defernorm.hdl.Elaborator;
import defernorm.hdl.emit.VerilogEmitter;
import java.nio.file.Path;

/**
 * Writes the Verilog of this project's designs, each into {@code <dir>/<module>/} (default dir
 * {@code target/verilog}). Design errors stop it with every problem listed at its {@code File.java:line}.
 */
public final class EmitVerilog {
    private EmitVerilog() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/verilog");
        emit(new Fir(1, 3, 3, 1), dir);
        emit(new RoundRobinArbiter(4, 16), dir);
    }

    /** Elaborates {@code design}, prints its warnings and writes its Verilog files into {@code dir/<module>/}. */
    public static Path emit(Component design, Path dir) {
        Elaboration e = Elaborator.elaborateWithWarnings(design);
        e.warnings().forEach(System.err::println);
        Path out = dir.resolve(e.design().top());
        for (Path p : VerilogEmitter.writeTo(out, VerilogEmitter.emit(e.design()))) System.out.println("wrote " + p);
        return out;
    }
}
