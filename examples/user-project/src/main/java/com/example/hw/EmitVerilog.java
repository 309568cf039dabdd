package com.example.hw;

import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import defernorm.hdl.emit.EmitOptions;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
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

    /**
     * Elaborates {@code design} and writes its Verilog files into {@code dir/<module>/}, each statement commented
     * with the Java line that made it.
     */
    public static Path emit(Component design, Path dir) {
        Design d = Elaborator.elaborate(design);       // throws on any error; prints warnings to stderr
        Path out = dir.resolve(d.top());
        EmitOptions options = EmitOptions.defaults().withSourceComments(true);
        for (Path p : VerilogEmitter.writeTo(out, VerilogEmitter.emit(d, options))) System.out.println("wrote " + p);
        return out;
    }
}
