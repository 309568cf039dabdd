package defernorm.hdl.ir;

import java.util.function.Supplier;

/**
 * The body of a module written outside defernorm: a Verilog file the user supplies, emitted as given to
 * {@code <module>.v} (the module of the same name must be in it). Its ports are declared; it has {@code clk}/{@code rst} when
 * {@code clocked}. {@code model}, when not null, makes a Java behavioural model for the built-in engine
 * (a fresh one per instance); without it only Verilator can simulate the module.
 *
 * <pre>{@code new ExternalVerilog(verilogText, true, AdderModel::new) }</pre>
 */
public record ExternalVerilog(String verilog, boolean clocked, Supplier<? extends CycleModel> model) {

    /** Equal when the Verilog and the ports agree: the behavioural model does not take part in identity. */
    @Override public boolean equals(Object o) {
        return o instanceof ExternalVerilog b && verilog.equals(b.verilog) && clocked == b.clocked;
    }

    @Override public int hashCode() { return java.util.Objects.hash(verilog, clocked); }

    @Override public String toString() {
        return "ExternalVerilog[clocked=" + clocked + ", " + verilog.length() + " chars, sha "
                + Integer.toHexString(verilog.hashCode()) + "]";
    }

    /** Whether the built-in engine can run this black box (the user gave a behavioural model). */
    public boolean hasModel() { return model != null; }
}
