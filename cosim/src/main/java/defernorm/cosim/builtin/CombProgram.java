package defernorm.cosim.builtin;

/**
 * The combinational logic of a design, compiled once into flat op-code arrays in evaluation order. Values of
 * up to 64 bits are evaluated inline by {@link #run}, and so are slices and truncations of a wider value down
 * to at most 64 bits (they read only the one or two words they need: a MAC array slices every weight out of
 * a memory word thousands of bits wide, every cycle); other ops touching a wider value call a
 * {@link WideOp}. Every value is kept canonical (a UInt zero-extended, an SInt sign-extended to 64 bits), so
 * most ops need no masking: the IR's result widths are exact for add, subtract, multiply and negate.
 *
 * <p>The ops are grouped into runs of one op code ({@link CombCompiler} sorts each level of the design by op
 * code, so a 32&times;32 MAC array gives runs of a thousand multiplies): {@link #run} dispatches once per
 * run and then loops over its ops, instead of an unpredictable branch per op.
 */
final class CombProgram {
    static final int NOT_S = 0, NOT_U = 1, NEG = 2, AND_RED = 3, OR_RED = 4, XOR_RED = 5,
            ADD = 6, SUB = 7, MUL = 8, AND = 9, OR = 10, XOR = 11,
            EQ = 12, NE = 13, LT_S = 14, LE_S = 15, LT_U = 16, LE_U = 17,
            SHL_S = 18, SHL_U = 19, SHR_S = 20, SHR_U = 21,
            SLICE = 22, CONCAT = 23, MUX = 24, NORM_S = 25, NORM_U = 26, WIDE = 27, SLICE2 = 28;

    /** Op i writes slot {@code d[i]} from slots {@code a[i]}, {@code b[i]} and constants {@code c[i]}, {@code k[i]}. */
    private final int[] op, d, a, b, c;
    private final long[] k;
    /** Run r is ops {@code runStart[r] .. runStart[r + 1] - 1}, all of op code {@code runOp[r]}. */
    private final int[] runOp, runStart;
    private final int[] catArg, catWidth;
    private final long[] catMask;
    private final WideOp[] wide;

    CombProgram(int[] op, int[] d, int[] a, int[] b, int[] c, long[] k,
                int[] catArg, int[] catWidth, long[] catMask, WideOp[] wide) {
        this.op = op; this.d = d; this.a = a; this.b = b; this.c = c; this.k = k;
        this.catArg = catArg; this.catWidth = catWidth; this.catMask = catMask; this.wide = wide;
        int runs = 0;
        for (int i = 0; i < op.length; i++) if (i == 0 || op[i] != op[i - 1]) runs++;
        runOp = new int[runs];
        runStart = new int[runs + 1];
        for (int i = 0, r = 0; i < op.length; i++) {
            if (i == 0 || op[i] != op[i - 1]) { runOp[r] = op[i]; runStart[r++] = i; }
        }
        runStart[runs] = op.length;
    }

    int size() { return op.length; }

    /** Runs of one op code: the dispatches {@link #run} makes per settle. */
    int runs() { return runOp.length; }

    /** Ops that work on values wider than 64 bits. */
    int wideCount() { return wide.length; }

    /** Settles all combinational nets of {@code v}. */
    void run(long[] v) {
        final int[] d = this.d, a = this.a, b = this.b, c = this.c;
        final long[] k = this.k;
        for (int r = 0; r < runOp.length; r++) {
            final int from = runStart[r], to = runStart[r + 1];
            switch (runOp[r]) {
                case NOT_S: for (int i = from; i < to; i++) v[d[i]] = ~v[a[i]]; break;
                case NOT_U: for (int i = from; i < to; i++) v[d[i]] = ~v[a[i]] & k[i]; break;
                case NEG: for (int i = from; i < to; i++) v[d[i]] = -v[a[i]]; break;
                case AND_RED: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] == k[i] ? 1 : 0; break;
                case OR_RED: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] != 0 ? 1 : 0; break;
                case XOR_RED: for (int i = from; i < to; i++) v[d[i]] = Long.bitCount(v[a[i]] & k[i]) & 1; break;
                case ADD: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] + v[b[i]]; break;
                case SUB: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] - v[b[i]]; break;
                case MUL: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] * v[b[i]]; break;
                case AND: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] & v[b[i]]; break;
                case OR: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] | v[b[i]]; break;
                case XOR: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] ^ v[b[i]]; break;
                case EQ: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] == v[b[i]] ? 1 : 0; break;
                case NE: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] != v[b[i]] ? 1 : 0; break;
                case LT_S: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] < v[b[i]] ? 1 : 0; break;
                case LE_S: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] <= v[b[i]] ? 1 : 0; break;
                case LT_U: for (int i = from; i < to; i++) v[d[i]] = Long.compareUnsigned(v[a[i]], v[b[i]]) < 0 ? 1 : 0; break;
                case LE_U: for (int i = from; i < to; i++) v[d[i]] = Long.compareUnsigned(v[a[i]], v[b[i]]) <= 0 ? 1 : 0; break;
                case SHL_S:
                    for (int i = from; i < to; i++) {
                        long amt = v[b[i]];
                        int sh = c[i];
                        v[d[i]] = (amt & ~63L) != 0 ? 0 : (v[a[i]] << amt << sh) >> sh;
                    }
                    break;
                case SHL_U:
                    for (int i = from; i < to; i++) {
                        long amt = v[b[i]];
                        v[d[i]] = (amt & ~63L) != 0 ? 0 : (v[a[i]] << amt) & k[i];
                    }
                    break;
                case SHR_S:
                    for (int i = from; i < to; i++) {
                        long amt = v[b[i]];
                        v[d[i]] = v[a[i]] >> ((amt & ~63L) != 0 ? 63 : amt);
                    }
                    break;
                case SHR_U:
                    for (int i = from; i < to; i++) {
                        long amt = v[b[i]];
                        v[d[i]] = (amt & ~63L) != 0 ? 0 : v[a[i]] >>> amt;
                    }
                    break;
                case SLICE: for (int i = from; i < to; i++) v[d[i]] = (v[a[i]] >>> c[i]) & k[i]; break;
                case SLICE2:
                    for (int i = from; i < to; i++) {
                        int sh = c[i], x = a[i];
                        v[d[i]] = ((v[x] >>> sh) | (v[x + 1] << (64 - sh))) & k[i];
                    }
                    break;
                case CONCAT:
                    for (int i = from; i < to; i++) {
                        long res = 0;
                        for (int j = a[i], end = a[i] + b[i]; j < end; j++) res = (res << catWidth[j]) | (v[catArg[j]] & catMask[j]);
                        v[d[i]] = res;
                    }
                    break;
                case MUX: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] != 0 ? v[b[i]] : v[c[i]]; break;
                case NORM_S:
                    for (int i = from; i < to; i++) {
                        int sh = c[i];
                        v[d[i]] = (v[a[i]] << sh) >> sh;
                    }
                    break;
                case NORM_U: for (int i = from; i < to; i++) v[d[i]] = v[a[i]] & k[i]; break;
                case WIDE: for (int i = from; i < to; i++) wide[a[i]].run(v); break;
                default: throw new IllegalStateException("bad op code " + runOp[r]);
            }
        }
    }
}
