package defernorm.cosim.builtin;

import static defernorm.cosim.builtin.CombProgram.*;

import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.cosim.builtin.WideOp.Kind;
import defernorm.cosim.builtin.WideOp.Operand;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Compiles levelized combinational nodes into a {@link CombProgram}: one op code per node. */
final class CombCompiler {
    private final SlotMap slots;
    private final int count;
    private final int[] op, d, a, b, c;
    private final long[] k;
    private final List<Integer> catArg = new ArrayList<>();
    private final List<Integer> catWidth = new ArrayList<>();
    private final List<Long> catMask = new ArrayList<>();
    private final List<WideOp> wide = new ArrayList<>();
    private final long[][] scratch;

    private CombCompiler(SlotMap slots, List<FlatNode> order) {
        this.slots = slots;
        this.count = order.size();
        op = new int[count]; d = new int[count]; a = new int[count]; b = new int[count]; c = new int[count];
        k = new long[count];
        int maxWords = 1;
        for (FlatNode f : order) {
            maxWords = Math.max(maxWords, Words.count(f.node().type().width()));
            for (String o : f.node().operands()) maxWords = Math.max(maxWords, Words.count(slots.type(o).width()));
        }
        scratch = new long[3][maxWords];
    }

    /**
     * The evaluation order for {@code levels} (as {@link Levelizer#levels} gives them): level by level, and
     * within a level sorted by op code (stably), so that {@link CombProgram} runs long stretches of one op.
     */
    static List<FlatNode> order(SlotMap slots, List<List<FlatNode>> levels) {
        List<FlatNode> all = levels.stream().flatMap(List::stream).toList();
        CombCompiler probe = new CombCompiler(slots, all);   // op codes depend on node kinds and types only
        for (int i = 0; i < all.size(); i++) probe.compile(i, all.get(i).node());
        List<FlatNode> order = new ArrayList<>(all.size());
        int at = 0;
        for (List<FlatNode> level : levels) {
            int from = at;
            Integer[] idx = new Integer[level.size()];
            for (int j = 0; j < idx.length; j++) idx[j] = from + j;
            Arrays.sort(idx, Comparator.comparingInt(i -> probe.op[i]));
            for (Integer i : idx) order.add(all.get(i));
            at += level.size();
        }
        return order;
    }

    /** The program evaluating {@code order} (from {@link #order}) in that order. */
    static CombProgram compile(SlotMap slots, List<FlatNode> order) {
        CombCompiler cc = new CombCompiler(slots, order);
        for (int i = 0; i < order.size(); i++) cc.compile(i, order.get(i).node());
        return new CombProgram(cc.op, cc.d, cc.a, cc.b, cc.c, cc.k,
                cc.catArg.stream().mapToInt(Integer::intValue).toArray(),
                cc.catWidth.stream().mapToInt(Integer::intValue).toArray(),
                cc.catMask.stream().mapToLong(Long::longValue).toArray(),
                cc.wide.toArray(new WideOp[0]));
    }

    private void compile(int i, Node n) {
        d[i] = slots.offset(n.name());
        Type t = n.type();
        if (t.width() <= 64 && isNarrowing(n)) { compileNarrowing(i, n); return; }
        boolean narrow = t.width() <= 64;
        for (String o : n.operands()) narrow &= slots.type(o).width() <= 64;
        if (!narrow) { compileWide(i, n); return; }
        switch (n) {
            case Node.Slice sl -> {   // a slice reaching past its operand reads the extension bits
                op[i] = SLICE; a[i] = slots.offset(sl.arg()); c[i] = sl.lo(); k[i] = Words.mask(sl.hi() - sl.lo() + 1);
            }
            case Node.Unary u -> compileUnary(i, u);
            case Node.Binary bn -> compileBinary(i, bn);
            case Node.Concat cn -> {
                op[i] = CONCAT; a[i] = catArg.size(); b[i] = cn.args().size();
                for (String arg : cn.args()) {
                    int w = slots.type(arg).width();
                    catArg.add(slots.offset(arg)); catWidth.add(w); catMask.add(Words.mask(w));
                }
            }
            case Node.Mux m -> {
                op[i] = MUX; a[i] = slots.offset(m.sel()); b[i] = slots.offset(m.ifTrue()); c[i] = slots.offset(m.ifFalse());
            }
            case Node.Input _, Node.Output _, Node.Wire _, Node.Const _, Node.Resize _, Node.Cast _, Node.Reg _,
                 Node.MemRead _, Node.InstanceOut _ -> throw new IllegalStateException("not a combinational node: " + n);
        }
    }

    private void compileUnary(int i, Node.Unary u) {
        Type t = u.type();
        Type at = slots.type(u.arg());
        a[i] = slots.offset(u.arg());
        switch (u.op()) {
            case NOT -> { op[i] = t.signed() ? NOT_S : NOT_U; k[i] = Words.mask(t.width()); }
            case NEG -> op[i] = NEG;
            case AND_REDUCE -> { op[i] = AND_RED; k[i] = at.signed() ? -1L : Words.mask(at.width()); }
            case OR_REDUCE -> op[i] = OR_RED;
            case XOR_REDUCE -> { op[i] = XOR_RED; k[i] = Words.mask(at.width()); }
        }
    }

    private void compileBinary(int i, Node.Binary bn) {
        Type t = bn.type();
        Type at = slots.type(bn.a());
        int x = slots.offset(bn.a()), y = slots.offset(bn.b());
        a[i] = x; b[i] = y;
        boolean s = at.signed();
        switch (bn.op()) {
            case ADD -> op[i] = ADD;
            case SUB -> op[i] = SUB;
            case MUL -> op[i] = MUL;
            case AND -> op[i] = AND;
            case OR -> op[i] = OR;
            case XOR -> op[i] = XOR;
            case EQ -> op[i] = EQ;
            case NE -> op[i] = NE;
            case LT -> op[i] = s ? LT_S : LT_U;
            case LE -> op[i] = s ? LE_S : LE_U;
            case GT -> { op[i] = s ? LT_S : LT_U; a[i] = y; b[i] = x; }
            case GE -> { op[i] = s ? LE_S : LE_U; a[i] = y; b[i] = x; }
            case SHL -> { op[i] = t.signed() ? SHL_S : SHL_U; c[i] = 64 - t.width(); k[i] = Words.mask(t.width()); }
            case SHR -> op[i] = t.signed() ? SHR_S : SHR_U;
        }
    }

    /** A resize or cast, or an (unsigned, as the IR makes them) slice within its operand's bits. */
    private boolean isNarrowing(Node n) {
        return switch (n) {
            case Node.Slice sl ->
                    !sl.type().signed() && sl.lo() >= 0 && sl.hi() >= sl.lo() && sl.hi() < slots.type(sl.arg()).width();
            case Node.Resize _, Node.Cast _ -> true;
            case Node.Input _, Node.Output _, Node.Wire _, Node.Const _, Node.Unary _, Node.Binary _, Node.Concat _,
                 Node.Mux _, Node.Reg _, Node.MemRead _, Node.InstanceOut _ -> false;
        };
    }

    /**
     * A slice, resize or cast whose result fits 64 bits, from an operand of any width: only the source words
     * holding the result's bits are read (words are little-endian, so a truncation reads word 0).
     */
    private void compileNarrowing(int i, Node n) {
        Type t = n.type();
        int src = slots.offset(n.operands().get(0));
        if (n instanceof Node.Slice sl) {
            int width = sl.hi() - sl.lo() + 1;
            int bit = sl.lo() & 63;
            a[i] = src + (sl.lo() >>> 6); c[i] = bit; k[i] = Words.mask(width);
            op[i] = bit + width > 64 ? SLICE2 : SLICE;   // a straddling slice needs the next word too
        } else {
            a[i] = src;
            op[i] = t.signed() ? NORM_S : NORM_U; c[i] = 64 - t.width(); k[i] = Words.mask(t.width());
        }
    }

    private void compileWide(int i, Node n) {
        Operand dst = operandOf(n.name());
        List<Operand> args = new ArrayList<>();
        for (String o : n.operands()) args.add(operandOf(o));
        int words = dst.words();
        for (Operand o : args) words = Math.max(words, o.words());
        int lo = n instanceof Node.Slice sl ? sl.lo() : 0;
        Kind kind = switch (n) {
            case Node.Unary u -> WideOp.kindOf(u.op());
            case Node.Binary bn -> WideOp.kindOf(bn.op());
            case Node.Slice sl -> isNarrowing(sl) ? Kind.EXTRACT : Kind.SLICE;
            case Node.Concat _ -> Kind.CONCAT;
            case Node.Mux _ -> Kind.MUX;
            case Node.Resize _, Node.Cast _ -> Kind.RESIZE;
            case Node.Input _, Node.Output _, Node.Wire _, Node.Const _, Node.Reg _, Node.MemRead _, Node.InstanceOut _ ->
                    throw new IllegalStateException("not a combinational node: " + n);
        };
        op[i] = WIDE;
        a[i] = wide.size();
        wide.add(new WideOp(kind, dst, args.toArray(new Operand[0]), words, lo, scratch));
    }

    private Operand operandOf(String net) {
        Type t = slots.type(net);
        return new Operand(slots.offset(net), t.width(), t.signed());
    }
}
