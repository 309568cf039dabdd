package defernorm.hdl.emit;

import defernorm.hdl.ir.Node;

import java.util.ArrayList;
import java.util.List;

import static defernorm.hdl.emit.VerilogSyntax.literal;

/**
 * The body of one register's clocked block: reset first, then the enable, then the load. The enable and next
 * value are spelled in place when {@link RegisterOnlyLogic} put them inside; a next value that keeps the register
 * in some cases (a mux with the register as a branch) becomes {@code if}s around the loads, as firtool writes it:
 *
 * <pre>{@code
 * if (rst) wr_beat <= 3'd0;
 * else if (en) begin
 *     if (wr_valid) wr_beat <= wr_last ? _const_692e : _resize_dccc;
 * end
 * }</pre>
 *
 * <p>Why no {@code wr_beat <= wr_valid ? ... : wr_beat}: a register read back as its own next value inside its
 * block makes Verilator 5.006 keep a shadow copy of it, copied in and out every cycle (docs/benchmarks.md).
 */
final class RegisterBlock {
    private static final String INDENT = "    ";

    private final ModuleIndex index;
    private final RegisterOnlyLogic inside;
    private final Expressions expr;

    /**
     * @param index  the module's nets
     * @param inside the nets spelled inside clocked blocks
     * @param expr   their expressions (after the module's assigns are spelled)
     */
    RegisterBlock(ModuleIndex index, RegisterOnlyLogic inside, Expressions expr) {
        this.index = index;
        this.inside = inside;
        this.expr = expr;
    }

    /** The statements inside {@code always @(posedge clk) begin ... end} for {@code r}, unindented. */
    List<String> lines(Node.Reg r) {
        List<String> load = loads(r, r.next());
        if (load.isEmpty()) load = List.of(r.name() + " <= " + r.name() + ";");
        if (r.enable() != null) load = block("if (" + expr.reference(r.enable()) + ")", load);
        if (r.reset() == null) return load;
        List<String> body = new ArrayList<>();
        body.add("if (rst) " + r.name() + " <= " + literal(r.reset(), r.type()) + ";");
        body.addAll(orElse(load));
        return body;
    }

    /**
     * The statements that load {@code r} with {@code value}: none where the value is {@code r} itself, an
     * {@code if} on a mux spelled inside whose branches keep {@code r} somewhere, else one nonblocking load.
     * Recursion follows the muxes that keep {@code r}, one chain of a register's next-state logic.
     */
    private List<String> loads(Node.Reg r, String value) {
        if (value.equals(r.name())) return List.of();
        if (!(index.node(value) instanceof Node.Mux x) || !inside.contains(value) || !keeps(r, value)) {
            return List.of(r.name() + " <= " + expr.reference(value) + ";");
        }
        String sel = expr.reference(x.sel());
        List<String> whenTrue = loads(r, x.ifTrue()), whenFalse = loads(r, x.ifFalse());
        if (whenTrue.isEmpty() && whenFalse.isEmpty()) return List.of();
        if (whenTrue.isEmpty()) return block("if (!" + (inside.contains(x.sel()) ? "(" + sel + ")" : sel) + ")", whenFalse);
        List<String> result = new ArrayList<>(block("if (" + sel + ")", whenTrue));
        if (whenFalse.isEmpty()) return result;
        List<String> otherwise = orElse(whenFalse);
        if (result.size() > 1) result.set(result.size() - 1, result.getLast() + " " + otherwise.removeFirst());   // "end else"
        result.addAll(otherwise);
        return result;
    }

    /** Whether {@code value}, through muxes spelled inside, is {@code r} itself in some case. */
    private boolean keeps(Node.Reg r, String value) {
        if (value.equals(r.name())) return true;
        return index.node(value) instanceof Node.Mux x && inside.contains(value)
                && (keeps(r, x.ifTrue()) || keeps(r, x.ifFalse()));
    }

    /** {@code else} before one statement (nothing follows it, so an inner {@code if} may take it directly). */
    private static List<String> orElse(List<String> statement) {
        List<String> lines = new ArrayList<>(statement);
        lines.set(0, "else " + lines.getFirst());
        return lines;
    }

    /**
     * {@code head} over {@code body}: on one line when the body is one plain statement, else in
     * {@code begin ... end} (so an inner {@code if} never takes an outer {@code else}).
     */
    private static List<String> block(String head, List<String> body) {
        if (body.size() == 1 && !body.getFirst().startsWith("if ")) return List.of(head + " " + body.getFirst());
        List<String> lines = new ArrayList<>();
        lines.add(head + " begin");
        for (String l : body) lines.add(INDENT + l);
        lines.add("end");
        return lines;
    }
}
