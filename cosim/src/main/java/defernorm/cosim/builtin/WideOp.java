package defernorm.cosim.builtin;

import defernorm.hdl.ir.Node;

/**
 * One combinational node whose result or an operand is wider than 64 bits. Operands are loaded into shared
 * scratch words (extended to the op's working size {@code n}), computed with {@link Words}, then stored back
 * canonically. Made once at compile time; running it allocates nothing.
 */
final class WideOp {
    /** What the op computes; {@code SLICE} is a slice reaching past its operand, {@code EXTRACT} one within it. */
    enum Kind { NOT, NEG, AND_RED, OR_RED, XOR_RED, ADD, SUB, MUL, AND, OR, XOR, EQ, NE, LT, LE, GT, GE,
        SHL, SHR, SLICE, EXTRACT, CONCAT, MUX, RESIZE }

    /** An operand: where it lives and how it reads. */
    record Operand(int offset, int width, boolean signed) {
        int words() { return Words.count(width); }
    }

    private final Kind kind;
    private final Operand dst;
    private final Operand[] args;
    private final int n;
    private final int lo;
    private final long[] s0, s1, s2;
    /** A concat's parts (as in {@code args}): where each lands (its lowest bit) and, if narrow, its mask. */
    private final int[] partPos;
    private final long[] partMask;
    /**
     * For a concat of narrow parts only: the parts it was last computed from. A concat whose parts did not
     * change is skipped, its result still in place (nothing else writes it). A MAC array's drain bank is
     * such a concat per group, and its registers change once per token, not per cycle.
     */
    private final long[] lastParts;
    private boolean computed;

    /**
     * @param n      working size in words (enough for the result and every operand)
     * @param lo     the low bit of a slice
     * @param scratch three arrays of at least {@code n} words, shared by all wide ops of a program
     */
    WideOp(Kind kind, Operand dst, Operand[] args, int n, int lo, long[][] scratch) {
        this.kind = kind; this.dst = dst; this.args = args; this.n = n; this.lo = lo;
        this.s0 = scratch[0]; this.s1 = scratch[1]; this.s2 = scratch[2];
        boolean concat = kind == Kind.CONCAT, narrowParts = concat;
        partPos = new int[concat ? args.length : 0];
        partMask = new long[partPos.length];
        int pos = 0;
        for (int j = partPos.length - 1; j >= 0; j--) {   // the last part is the least significant
            partPos[j] = pos;
            partMask[j] = Words.mask(Math.min(64, args[j].width()));
            pos += args[j].width();
            narrowParts &= args[j].width() <= 64;
        }
        lastParts = narrowParts ? new long[args.length] : null;
    }

    static Kind kindOf(Node.BinaryOp op) {
        return switch (op) {
            case ADD -> Kind.ADD; case SUB -> Kind.SUB; case MUL -> Kind.MUL;
            case AND -> Kind.AND; case OR -> Kind.OR; case XOR -> Kind.XOR;
            case EQ -> Kind.EQ; case NE -> Kind.NE; case LT -> Kind.LT; case LE -> Kind.LE;
            case GT -> Kind.GT; case GE -> Kind.GE; case SHL -> Kind.SHL; case SHR -> Kind.SHR;
        };
    }

    static Kind kindOf(Node.UnaryOp op) {
        return switch (op) {
            case NOT -> Kind.NOT; case NEG -> Kind.NEG;
            case AND_REDUCE -> Kind.AND_RED; case OR_REDUCE -> Kind.OR_RED; case XOR_REDUCE -> Kind.XOR_RED;
        };
    }

    void run(long[] v) {
        switch (kind) {
            case NOT -> {
                load(v, args[0], s0);
                for (int i = 0; i < n; i++) s2[i] = ~s0[i];
                store(v);
            }
            case NEG -> { load(v, args[0], s0); Words.negate(s0, s2, s1, n); store(v); }
            case AND_RED -> { load(v, args[0], s0); storeBit(v, Words.andReduce(s0, args[0].width())); }
            case OR_RED -> { load(v, args[0], s0); storeBit(v, Words.orReduce(s0, args[0].width())); }
            case XOR_RED -> { load(v, args[0], s0); storeBit(v, Words.xorReduce(s0, args[0].width())); }
            case ADD -> { load2(v); Words.add(s0, s1, false, 0, s2, n); store(v); }
            case SUB -> { load2(v); Words.add(s0, s1, true, 1, s2, n); store(v); }
            case MUL -> { load2(v); Words.multiply(s0, s1, s2, n); store(v); }
            case AND -> { load2(v); for (int i = 0; i < n; i++) s2[i] = s0[i] & s1[i]; store(v); }
            case OR -> { load2(v); for (int i = 0; i < n; i++) s2[i] = s0[i] | s1[i]; store(v); }
            case XOR -> { load2(v); for (int i = 0; i < n; i++) s2[i] = s0[i] ^ s1[i]; store(v); }
            case EQ -> { load2(v); storeBit(v, cmp() == 0 ? 1 : 0); }
            case NE -> { load2(v); storeBit(v, cmp() != 0 ? 1 : 0); }
            case LT -> { load2(v); storeBit(v, cmp() < 0 ? 1 : 0); }
            case LE -> { load2(v); storeBit(v, cmp() <= 0 ? 1 : 0); }
            case GT -> { load2(v); storeBit(v, cmp() > 0 ? 1 : 0); }
            case GE -> { load2(v); storeBit(v, cmp() >= 0 ? 1 : 0); }
            case SHL -> {
                load(v, args[0], s0);
                Words.shiftLeft(s0, Words.amount(v, args[1].offset(), args[1].words()), s2, n);
                store(v);
            }
            case SHR -> {
                load(v, args[0], s0);
                Words.shiftRight(s0, Words.amount(v, args[1].offset(), args[1].words()), args[0].signed(), s2, n);
                store(v);
            }
            case SLICE -> { load(v, args[0], s0); Words.shiftRight(s0, lo, false, s2, n); store(v); }
            case EXTRACT -> {   // only the result's words, from the source words they come from
                Words.extract(v, args[0].offset(), args[0].words(), args[0].signed(), lo, s2, dst.words());
                store(v);
            }
            case CONCAT -> {
                if (lastParts != null && sameParts(v)) return;
                // Each part straight from its slots, a narrow one (a MAC array's drain bank: 32 lanes of a
                // few dozen bits) with a precomputed shift and mask.
                for (int i = 0; i < n; i++) s2[i] = 0;
                for (int j = 0; j < args.length; j++) {
                    Operand p = args[j];
                    int pos = partPos[j];
                    if (p.width() > 64) { Words.orBits(v, p.offset(), p.width(), s2, pos, n); continue; }
                    long w = v[p.offset()] & partMask[j];
                    int idx = pos >>> 6, bs = pos & 63;
                    s2[idx] |= w << bs;
                    if (bs != 0 && idx + 1 < n) s2[idx + 1] |= w >>> (64 - bs);
                }
                store(v);
            }
            case MUX -> {
                Operand src = v[args[0].offset()] != 0 ? args[1] : args[2];
                System.arraycopy(v, src.offset(), v, dst.offset(), dst.words());
            }
            case RESIZE -> {   // the result's words only (a truncation of a wide word reads few of them)
                Operand a = args[0];
                Words.load(v, a.offset(), a.words(), a.signed(), s2, dst.words());
                store(v);
            }
        }
    }

    /** Whether the narrow parts equal those of the last evaluation; records them either way. */
    private boolean sameParts(long[] v) {
        boolean same = computed;
        for (int j = 0; j < args.length; j++) {
            long w = v[args[j].offset()];
            if (w != lastParts[j]) { lastParts[j] = w; same = false; }
        }
        computed = true;
        return same;
    }

    private int cmp() { return Words.compare(s0, s1, n, args[0].signed()); }

    private void load2(long[] v) { load(v, args[0], s0); load(v, args[1], s1); }

    private void load(long[] v, Operand o, long[] into) { Words.load(v, o.offset(), o.words(), o.signed(), into, n); }

    private void store(long[] v) { Words.store(s2, v, dst.offset(), dst.width(), dst.signed()); }

    private void storeBit(long[] v, long bit) { v[dst.offset()] = bit; }
}
