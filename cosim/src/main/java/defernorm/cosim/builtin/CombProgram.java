package defernorm.cosim.builtin;

/**
 * The combinational logic of a design, compiled once into flat op-code arrays in evaluation order. Values of
 * up to 64 bits are evaluated inline by {@link #run}, and so are slices and truncations of a wider value down
 * to at most 64 bits (they read only the one or two words they need: a MAC array slices every weight out of
 * a memory word thousands of bits wide, every cycle); other ops touching a wider value call a
 * {@link WideOp}. Every
 * value is kept canonical (a UInt zero-extended, an SInt sign-extended to 64 bits), so most ops need no
 * masking: the IR's result widths are exact for add, subtract, multiply and negate.
 */
final class CombProgram {
    static final int NOT_S = 0, NOT_U = 1, NEG = 2, AND_RED = 3, OR_RED = 4, XOR_RED = 5,
            ADD = 6, SUB = 7, MUL = 8, AND = 9, OR = 10, XOR = 11,
            EQ = 12, NE = 13, LT_S = 14, LE_S = 15, LT_U = 16, LE_U = 17,
            SHL_S = 18, SHL_U = 19, SHR_S = 20, SHR_U = 21,
            SLICE = 22, CONCAT = 23, MUX = 24, NORM_S = 25, NORM_U = 26, WIDE = 27, SLICE2 = 28;

    final int[] op;
    /** op, d, a, b, c of op i at {@code code[5 * i ..]}: one contiguous stream for the hot loop. */
    private final int[] code;
    final long[] k;
    final int[] catArg, catWidth;
    final long[] catMask;
    final WideOp[] wide;

    CombProgram(int[] op, int[] d, int[] a, int[] b, int[] c, long[] k,
                int[] catArg, int[] catWidth, long[] catMask, WideOp[] wide) {
        this.op = op; this.k = k;
        code = new int[5 * op.length];
        for (int i = 0; i < op.length; i++) {
            code[5 * i] = op[i]; code[5 * i + 1] = d[i]; code[5 * i + 2] = a[i]; code[5 * i + 3] = b[i]; code[5 * i + 4] = c[i];
        }
        this.catArg = catArg; this.catWidth = catWidth; this.catMask = catMask; this.wide = wide;
    }

    int size() { return op.length; }

    /** Settles all combinational nets of {@code v}. */
    void run(long[] v) {
        final int[] code = this.code;
        final long[] k = this.k;
        final int n = op.length;
        for (int i = 0, p = 0; i < n; i++, p += 5) {
            final int d = code[p + 1], a = code[p + 2], b = code[p + 3];
            switch (code[p]) {
                case NOT_S: v[d] = ~v[a]; break;
                case NOT_U: v[d] = ~v[a] & k[i]; break;
                case NEG: v[d] = -v[a]; break;
                case AND_RED: v[d] = v[a] == k[i] ? 1 : 0; break;
                case OR_RED: v[d] = v[a] != 0 ? 1 : 0; break;
                case XOR_RED: v[d] = Long.bitCount(v[a] & k[i]) & 1; break;
                case ADD: v[d] = v[a] + v[b]; break;
                case SUB: v[d] = v[a] - v[b]; break;
                case MUL: v[d] = v[a] * v[b]; break;
                case AND: v[d] = v[a] & v[b]; break;
                case OR: v[d] = v[a] | v[b]; break;
                case XOR: v[d] = v[a] ^ v[b]; break;
                case EQ: v[d] = v[a] == v[b] ? 1 : 0; break;
                case NE: v[d] = v[a] != v[b] ? 1 : 0; break;
                case LT_S: v[d] = v[a] < v[b] ? 1 : 0; break;
                case LE_S: v[d] = v[a] <= v[b] ? 1 : 0; break;
                case LT_U: v[d] = Long.compareUnsigned(v[a], v[b]) < 0 ? 1 : 0; break;
                case LE_U: v[d] = Long.compareUnsigned(v[a], v[b]) <= 0 ? 1 : 0; break;
                case SHL_S: {
                    long amt = v[b];
                    int sh = code[p + 4];
                    v[d] = (amt & ~63L) != 0 ? 0 : (v[a] << amt << sh) >> sh;
                    break;
                }
                case SHL_U: {
                    long amt = v[b];
                    v[d] = (amt & ~63L) != 0 ? 0 : (v[a] << amt) & k[i];
                    break;
                }
                case SHR_S: {
                    long amt = v[b];
                    v[d] = v[a] >> ((amt & ~63L) != 0 ? 63 : amt);
                    break;
                }
                case SHR_U: {
                    long amt = v[b];
                    v[d] = (amt & ~63L) != 0 ? 0 : v[a] >>> amt;
                    break;
                }
                case SLICE: v[d] = (v[a] >>> code[p + 4]) & k[i]; break;
                case SLICE2: { int sh = code[p + 4]; v[d] = ((v[a] >>> sh) | (v[a + 1] << (64 - sh))) & k[i]; break; }
                case CONCAT: {
                    long r = 0;
                    for (int j = a, end = a + b; j < end; j++) r = (r << catWidth[j]) | (v[catArg[j]] & catMask[j]);
                    v[d] = r;
                    break;
                }
                case MUX: v[d] = v[a] != 0 ? v[b] : v[code[p + 4]]; break;
                case NORM_S: { int sh = code[p + 4]; v[d] = (v[a] << sh) >> sh; break; }
                case NORM_U: v[d] = v[a] & k[i]; break;
                case WIDE: wide[a].run(v); break;
                default: throw new IllegalStateException("bad op code " + code[p]);
            }
        }
    }
}
