package defernorm.hdl.emit;

/**
 * Options of {@link VerilogEmitter}. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * EmitOptions o = EmitOptions.defaults().withSourceComments(true);   // adds "// Counter.java:12"
 * }</pre>
 *
 * @param sourceComments       append {@code // File.java:42} (where the user's code made it) to each statement
 * @param verilatorPublicDebug mark the nets listed in {@code ModuleIr.debug()} with a
 *                             {@code verilator public_flat_rd} metacomment so a Verilator harness can
 *                             peek them (other tools ignore the comment)
 */
public record EmitOptions(boolean sourceComments, boolean verilatorPublicDebug) {

    /** No source comments, no Verilator metacomments. */
    public static EmitOptions defaults() { return new EmitOptions(false, false); }

    public EmitOptions withSourceComments(boolean on) { return new EmitOptions(on, verilatorPublicDebug); }

    public EmitOptions withVerilatorPublicDebug(boolean on) { return new EmitOptions(sourceComments, on); }
}
