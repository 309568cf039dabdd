package defernorm.hdl.emit;

import defernorm.hdl.ir.Check;

import java.util.ArrayList;
import java.util.List;

/**
 * The Verilog of a module's assertions and cover points: simulation-only code inside
 * {@code `ifndef SYNTHESIS} (Yosys defines SYNTHESIS; Verilator and Icarus do not). A cycle counter
 * {@code _dn_cycle} (rising edges since time 0, reset included, like {@code Simulation.cycle()}) feeds the
 * failure message; each cover point counts its hits in a 64-bit {@code _cover_<name>} register, which the
 * Verilator harness reads. A failed assertion calls {@code $fatal} with the same sentence the built-in
 * engine throws ({@link Check#failure}); the simulation harness finds it again by its file and line.
 *
 * <pre>{@code
 * `ifndef SYNTHESIS
 *     reg [63:0] _dn_cycle;
 *     initial _dn_cycle = 64'd0;
 *     always @(posedge clk) begin
 *         _dn_cycle <= _dn_cycle + 64'd1;
 *         if (!rst && push && !(_lt_1c2e)) $fatal(1, "Assertion failed in cycle %0d at Fifo.java:31: push into a full FIFO", _dn_cycle);
 *     end
 * `endif
 * }</pre>
 */
public final class CheckBlock {
    /** The prefix of the register counting a cover point's hits. */
    public static final String COVER_PREFIX = "_cover_";
    /** The placeholder {@link Check#failure} text carries for the cycle in the emitted {@code $fatal}. */
    private static final long CYCLE_MARK = Long.MIN_VALUE;

    private CheckBlock() {}

    /**
     * Whether {@code verilogLine} is an emitted assertion's {@code $fatal} (and not a {@code $fatal} of a
     * user's own Verilog, which keeps Verilator's words).
     */
    public static boolean isAssertionLine(String verilogLine) {
        return verilogLine.contains("$fatal(1, \"" + fatalPrefix());
    }

    /** The start of every emitted assertion's format string. */
    private static String fatalPrefix() {
        String text = fatalText(new Check(Check.Kind.ASSERT, "_", "_", null, "", defernorm.hdl.ir.SourceLoc.UNKNOWN));
        return text.substring(0, text.indexOf("%0d") + 3);
    }

    /** The register counting hits of cover point {@code name}. */
    public static String coverRegister(String name) { return COVER_PREFIX + name; }

    static List<String> lines(List<Check> checks, boolean sourceComments) {
        boolean anyAssert = checks.stream().anyMatch(c -> c.kind() == Check.Kind.ASSERT);
        List<String> out = new ArrayList<>();
        out.add("`ifndef SYNTHESIS");
        List<String> regs = new ArrayList<>();
        if (anyAssert) regs.add("_dn_cycle");
        for (Check c : checks) if (c.kind() == Check.Kind.COVER) regs.add(coverRegister(c.name()));
        for (String r : regs) out.add("reg [63:0] " + r + ";");
        out.add("initial begin");
        for (String r : regs) out.add("    " + r + " = 64'd0;");
        out.add("end");
        out.add("always @(posedge clk) begin");
        if (anyAssert) out.add("    _dn_cycle <= _dn_cycle + 64'd1;");
        for (Check c : checks) {
            String on = "!rst" + (c.enable() == null ? "" : " && " + c.enable());
            String comment = sourceComments ? " // " + c.loc() : "";
            out.add(switch (c.kind()) {
                case ASSERT -> "    if (" + on + " && !" + c.condition() + ") $fatal(1, \"" + fatalText(c) + "\", _dn_cycle);" + comment;
                case COVER -> "    if (" + on + " && " + c.condition() + ") " + coverRegister(c.name()) + " <= "
                        + coverRegister(c.name()) + " + 64'd1;" + comment;
            });
        }
        out.add("end");
        out.add("`endif");
        return out;
    }

    /** {@link Check#failure} as a Verilog format string: the cycle becomes {@code %0d}. */
    private static String fatalText(Check c) {
        String mark = Long.toString(CYCLE_MARK);
        String[] parts = c.failure(CYCLE_MARK).split(java.util.regex.Pattern.quote(mark), -1);
        List<String> escaped = new ArrayList<>();
        for (String p : parts) escaped.add(escape(p));
        return String.join("%0d", escaped);
    }

    /** A Verilog string literal's body with a $display-format meaning equal to {@code s}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '%' -> b.append("%%");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(ch < 0x20 || ch > 0x7e ? '?' : ch);
            }
        }
        return b.toString();
    }

    /**
     * The sentence an emitted {@code $fatal} line prints, read back from the Verilog line (for engines that
     * learn only the file and line of a failure): its format string with {@code cycle} in place of {@code %0d}.
     * Null if the line is not an assertion of ours.
     */
    public static String failureFromLine(String verilogLine, long cycle) {
        int at = verilogLine.indexOf("$fatal(1, \"");
        if (at < 0) return null;
        StringBuilder b = new StringBuilder();
        String body = verilogLine.substring(at + "$fatal(1, \"".length());
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '"') return b.toString();
            if (ch == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else if (ch == '%' && body.startsWith("%%", i)) {
                b.append('%');
                i++;
            } else if (ch == '%' && body.startsWith("%0d", i)) {
                b.append(cycle);
                i += 2;
            } else {
                b.append(ch);
            }
        }
        return null;
    }
}
