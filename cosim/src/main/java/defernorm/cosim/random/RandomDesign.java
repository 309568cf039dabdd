package defernorm.cosim.random;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Node.UnaryOp;
import defernorm.hdl.ir.Type;
import defernorm.hdl.ir.WidthRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Genome} into a valid {@link Design} over the whole IR: every node kind, signed and unsigned
 * types of 1..80 bits, registers with and without reset and enable, memories (any depth, with and without
 * initial contents, several read ports), instances of a child module, wide constants (up to
 * {@value #MAX_WIDTH} bits), shift amounts of any width (past 32 and 64 bits, and wide amounts with small
 * values) and deep expression chains. Operands are picked among the nets made so
 * far and converted with explicit casts and resizes where the IR's type rules require; registers and memory
 * ports are connected at the end, so they can close feedback loops. Every net a gene makes is an output.
 *
 * <pre>{@code
 * Design d = RandomDesign.build(new Genome(List.of(new Gene(0, 3, 1, 0, 0), new Gene(3, 0, 0, 0, 0)), List.of()), "fz");
 * }</pre>
 */
public final class RandomDesign {
    /** Widths a gene number selects; small numbers give small widths. */
    private static final int[] WIDTHS = {1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 24, 31, 32, 33, 47, 48, 63, 64, 65, 72, 80,
            96, 127, 128, 129, 200, 257};
    public static final int MAX_WIDTH = 257;
    /** Gene kinds: 0 input, 1 constant, 2 unary, 3..7 and 15 binary, 8 slice, 9 concat, 10 mux, 11 resize,
     *  12 cast, 13 register, 14 memory, 16 a deep chain of operations, 17 another instance of the child
     *  (binary ops get the most kinds: there are 14 of them). */
    public static final int KINDS = 18;

    private final ModuleBuilder m;
    private ModuleIr child;
    private int instances;
    private final List<String> values = new ArrayList<>();
    private final List<Runnable> finish = new ArrayList<>();
    private final List<String> results = new ArrayList<>();
    private int inputs, regs, mems;

    private RandomDesign(String name) { this.m = new ModuleBuilder(name); }

    /** The design {@code name} (modules {@code name} and {@code name_c}) that {@code genome} describes. */
    public static Design build(Genome genome, String name) {
        List<ModuleIr> modules = new ArrayList<>();
        ModuleIr child = null;
        if (!genome.child().isEmpty()) {
            child = new RandomDesign(name + "_c").module(genome.child(), null);
            if (child.outputs().isEmpty()) child = null; else modules.add(child);
        }
        modules.add(new RandomDesign(name).module(genome.top(), child));
        return new Design(name, modules);
    }

    private ModuleIr module(List<Gene> genes, ModuleIr child) {
        this.child = child;
        // Two inputs every module has, so a gene always has operands of both signednesses to pick.
        values.add(m.input("i" + inputs++, Type.uint(4)));
        values.add(m.input("i" + inputs++, Type.sint(8)));
        if (child != null) instantiateChild(3, 7);
        for (Gene g : genes) apply(g);
        finish.forEach(Runnable::run);
        int o = 0;
        for (String r : results) m.output("o" + o++, r);
        for (String v : values) if (!results.contains(v) && !v.startsWith("i")) m.output("o" + o++, v);
        return m.build();
    }

    private void apply(Gene g) {
        switch (g.kind() % KINDS) {
            case 0 -> values.add(m.input("i" + inputs++, type(g.a(), g.b())));
            case 1 -> {
                Type t = type(g.a(), g.b());
                result(m.constant(t, wrap(pattern(g.c(), t.width()), t)));
            }
            case 2 -> unary(g);
            case 3, 4, 5, 6, 7, 15 -> binary(g);
            case 8 -> {
                String x = pick(g.b());
                int w = m.type(x).width();
                int hi = g.c() % w;
                int lo = g.d() % (hi + 1);
                result(m.slice(x, hi, lo));
            }
            case 9 -> {
                List<String> parts = new ArrayList<>();
                int total = 0;
                for (int i = 0; i < 2 + g.a() % 3; i++) {
                    String p = pick(g.b() + i * g.c() + i);
                    int w = m.type(p).width();
                    if (total + w > MAX_WIDTH) break;
                    parts.add(p);
                    total += w;
                }
                if (parts.isEmpty()) parts.add(m.slice(pick(g.b()), 0, 0));
                result(m.concat(parts));
            }
            case 10 -> {
                String a = pick(g.b());
                result(m.mux(bool(pick(g.a()), g.d()), a, coerce(pick(g.c()), m.type(a))));
            }
            case 11 -> {
                String x = pick(g.b());
                result(m.resize(x, WIDTHS[g.c() % WIDTHS.length]));
            }
            case 12 -> result(m.cast(pick(g.b())));
            case 13 -> register(g);
            case 14 -> memory(g);
            case 16 -> chain(g);
            default -> {
                if (child != null) instantiateChild(g.b(), 1 + g.c() % 7);
                else binary(g);
            }
        }
    }

    /** An instance of the child module, its inputs picked from position {@code first} in steps of {@code step}. */
    private void instantiateChild(int first, int step) {
        Map<String, String> conns = new LinkedHashMap<>();
        int k = 0;
        for (Node.Input in : child.inputs()) conns.put(in.name(), coerce(pick(step * k++ + first), in.type()));
        String name = instances == 0 ? "u_c" : "u_c" + instances;
        instances++;
        for (String out : m.instance(name, child, conns).values()) values.add(out);
    }

    /** A chain of 3..14 operations, each on the previous result, kept at the first operand's type. */
    private void chain(Gene g) {
        String x = pick(g.b());
        Type t = m.type(x);
        int steps = 3 + g.a() % 12;
        for (int k = 0; k < steps; k++) {
            String y = coerce(pick(g.c() + k * (1 + g.d())), t);
            int op = (g.d() + k * 7 + g.a()) % 6;
            if (op < 2 && t.width() == MAX_WIDTH) op = 2;   // the sum would be one bit too wide
            x = switch (op) {
                case 0 -> m.resize(m.binary(BinaryOp.ADD, x, y), t.width());
                case 1 -> coerce(m.resize(m.binary(BinaryOp.SUB, x, y), t.width()), t);
                case 2 -> m.binary(BinaryOp.XOR, x, y);
                case 3 -> m.mux(bool(y, k), x, m.unary(UnaryOp.NOT, x));
                case 4 -> m.binary(BinaryOp.AND, m.unary(UnaryOp.NOT, x), y);
                default -> t.width() <= MAX_WIDTH / 2
                        ? coerce(m.resize(m.binary(BinaryOp.MUL, x, y), t.width()), t)
                        : m.binary(BinaryOp.OR, x, y);
            };
        }
        result(x);
    }

    private void unary(Gene g) {
        UnaryOp op = UnaryOp.values()[g.a() % UnaryOp.values().length];
        String x = pick(g.b());
        if (op == UnaryOp.NEG) x = narrowTo(x, MAX_WIDTH - 1);
        result(m.unary(op, x));
    }

    private void binary(Gene g) {
        BinaryOp op = BinaryOp.values()[g.a() % BinaryOp.values().length];
        String a = pick(g.b());
        switch (op) {
            case ADD, SUB -> result(applied(op, narrowTo(a, MAX_WIDTH - 1), narrowTo(pick(g.c()), MAX_WIDTH - 1)));
            case MUL -> {
                String b = pick(g.c());
                if (m.type(b).signed() != m.type(a).signed()) b = m.cast(b);
                a = narrowTo(a, MAX_WIDTH / 2);
                b = narrowTo(b, MAX_WIDTH - m.type(a).width());
                result(m.binary(op, a, b));
            }
            case SHL, SHR -> {
                // Amounts of any width (past 32 and 64 bits too), 7-bit amounts (past the width and past 63
                // are common), and wide amounts with small values (64 in a 70-bit amount, say).
                String amt = g.d() % 2 == 0 ? pickWide(g.c(), 7) : pick(g.c());
                if (m.type(amt).signed()) amt = m.cast(amt);
                int how = g.d() % 4;
                if (m.type(amt).width() > 7 && how >= 2) amt = m.slice(amt, 6, 0);
                if (how == 3) amt = m.concat(m.constant(Type.uint(g.c() % 2 == 0 ? 63 : 30), 0), amt);
                result(m.binary(op, a, amt));
            }
            default -> result(applied(op, a, pick(g.c())));
        }
    }

    /**
     * {@code a op b} with the operands made as the front end would make them: a signedness mix is cast (the fix the HDL
     * asks for), then {@link WidthRules#operandType} decides: the narrower operand is extended where the op
     * widens (arithmetic, comparisons), else {@code b} is resized to {@code a}'s width.
     */
    private String applied(BinaryOp op, String a, String b) {
        if (m.type(b).signed() != m.type(a).signed()) b = m.cast(b);
        Type common = WidthRules.operandType(op, m.type(a), m.type(b));
        if (common == null) return m.binary(op, a, coerce(b, m.type(a)));
        return m.binary(op, coerce(a, common), coerce(b, common));
    }

    /** A register of the type of a picked net; next value and enable are connected at the end. */
    private void register(Gene g) {
        Type t = m.type(pick(g.b()));
        BigInteger reset = g.a() % 3 == 0 ? null : wrap(BigInteger.valueOf(g.a()).multiply(BigInteger.valueOf(0x5851F42D4C957F2DL)), t);
        String r = m.reg("r" + regs++, t, reset);
        values.add(r);
        finish.add(() -> m.connect(r, coerce(pick(g.c()), t), g.d() % 3 == 0 ? null : bool(pick(g.d()), g.d())));
    }

    /** A memory with one or two read ports; the ports' addresses, enables and the write port connect at the end. */
    private void memory(Gene g) {
        int width = WIDTHS[g.a() % WIDTHS.length];
        int depth = g.b() % 3 == 0 ? 1 + g.b() % 40 : 1 + g.b() % 9;
        String name = "m" + mems++;
        List<BigInteger> init = new ArrayList<>();
        if (g.c() % 2 == 1) {
            for (int i = 0; i < depth; i++) {
                init.add(wrap(BigInteger.valueOf(g.c() * 31L + i * 0x2545F4914F6CDD1DL), Type.uint(width)));
            }
        }
        int addrWidth = Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
        Type addrType = Type.uint(addrWidth);
        // The memory must exist before its read ports: declare it with placeholder write nets resolved below.
        String we = m.wire(name + "_we", bool(pick(g.d()), g.d()));
        String wa = m.wire(name + "_wa", coerce(pick(g.d() + 1), addrType));
        String wd = m.wire(name + "_wd", coerce(pick(g.d() + 2), Type.uint(width)));
        m.memory(name, width, depth, init, we, wa, wd);
        int ports = 1 + g.a() % 2;
        for (int p = 0; p < ports; p++) {
            int salt = p * 5;
            String addrWire = name + "_ra" + p;
            // Read addresses may depend on later nets: use a register-free forward reference via finish().
            String q = m.memRead(name + "_q" + p, name, (g.b() + p) % 2 == 1, placeholderAddr(addrWire, addrType), null);
            values.add(q);
            int pickA = g.c() + salt;
            finish.add(() -> m.connectWire(addrWire, coerce(pick(pickA), addrType)));
        }
    }

    private String placeholderAddr(String wire, Type t) { return m.forwardWire(wire, t); }

    /** A UInt(1) derived from {@code x}: itself, its bit 0, or its or-reduction. */
    private String bool(String x, int how) {
        Type t = m.type(x);
        if (t.width() == 1) return t.signed() ? m.cast(x) : x;
        return how % 2 == 0 ? m.slice(x, 0, 0) : m.unary(UnaryOp.OR_REDUCE, x);
    }

    /** {@code x} converted to {@code t} with an explicit cast and/or resize. */
    private String coerce(String x, Type t) {
        if (m.type(x).signed() != t.signed()) x = m.cast(x);
        if (m.type(x).width() != t.width()) x = m.resize(x, t.width());
        return x;
    }

    private String narrowTo(String x, int maxWidth) {
        return m.type(x).width() > maxWidth ? m.resize(x, maxWidth) : x;
    }

    private String pick(int index) { return values.get(index % values.size()); }

    /** The first net at least {@code minWidth} bits wide from pick position {@code index} on, else {@code pick(index)}. */
    private String pickWide(int index, int minWidth) {
        for (int i = 0; i < values.size(); i++) {
            String v = pick(index + i);
            if (m.type(v).width() >= minWidth) return v;
        }
        return pick(index);
    }

    private void result(String net) {
        values.add(net);
        results.add(net);
    }

    /** A bit pattern of {@code width} bits that gene number {@code c} picks (splitmix64 words). */
    private static BigInteger pattern(int c, int width) {
        BigInteger v = BigInteger.ZERO;
        long z = c * 0x9E3779B97F4A7C15L;
        for (int bits = 0; bits < width; bits += 64) {
            z += 0x9E3779B97F4A7C15L;
            long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
            v = v.shiftLeft(64).or(BigInteger.valueOf(x ^ (x >>> 31)).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        }
        return v;
    }

    private static Type type(int widthGene, int signGene) { return new Type(WIDTHS[widthGene % WIDTHS.length], signGene % 2 == 1); }

    private static BigInteger wrap(BigInteger x, Type t) {
        BigInteger mod = BigInteger.ONE.shiftLeft(t.width());
        BigInteger r = x.mod(mod);
        return t.signed() && r.testBit(t.width() - 1) ? r.subtract(mod) : r;
    }
}
