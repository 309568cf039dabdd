package com.example.hw;

import defernorm.hdl.Elaboration;
import defernorm.hdl.Elaborator;
import defernorm.hdl.emit.VerilogEmitter;
import java.nio.file.Path;

/**
 * Writes the FIR's Verilog: {@code java -cp ... com.example.hw.EmitVerilog [dir]} (default {@code target/verilog}).
 * Design errors stop it with every problem listed at its {@code File.java:line}.
 */
public final class EmitVerilog {
    private EmitVerilog() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/verilog");
        Elaboration e = Elaborator.elaborateWithWarnings(new Fir(1, 3, 3, 1));
        e.warnings().forEach(System.err::println);
        for (Path p : VerilogEmitter.writeTo(dir, VerilogEmitter.emit(e.design()))) System.out.println("wrote " + p);
    }
}
