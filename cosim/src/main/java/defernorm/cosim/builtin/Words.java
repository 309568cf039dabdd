package defernorm.cosim.builtin;

import defernorm.cosim.support.LongWords;

/**
 * Two's complement arithmetic on little-endian arrays of 64-bit words, for values wider than 64 bits.
 * Every operation works modulo 2^(64n) on {@code n} words; callers extend operands to {@code n} words and
 * normalize the result's top word to its width afterwards, which gives exact results for every IR op.
 * Nothing here allocates.
 */
final class Words {
    private Words() {}

    static int count(int width) { return LongWords.count(width); }

    /** All-ones in the low {@code bits} (1..64) bits. */
    static long mask(int bits) { return bits >= 64 ? -1L : (1L << bits) - 1; }

    /** Brings one word to the canonical form of a {@code bits}-bit value: sign-extended or zero-extended. */
    static long norm(long x, int bits, boolean signed) { return LongWords.norm(x, bits, signed); }

    /** Copies a {@code srcWords}-word canonical value into {@code n} words of {@code dst}, extending it. */
    static void load(long[] v, int off, int srcWords, boolean signed, long[] dst, int n) {
        int m = Math.min(srcWords, n);
        System.arraycopy(v, off, dst, 0, m);
        long ext = signed ? v[off + srcWords - 1] >> 63 : 0;
        for (int i = m; i < n; i++) dst[i] = ext;
    }

    /** Stores {@code src} as a canonical {@code width}-bit value at {@code v[off..]}. */
    static void store(long[] src, long[] v, int off, int width, boolean signed) {
        int nw = count(width);
        System.arraycopy(src, 0, v, off, nw - 1);
        v[off + nw - 1] = norm(src[nw - 1], width - 64 * (nw - 1), signed);
    }

    /** r = a + (invertB ? ~b : b) + carryIn. {@code r} may alias {@code a} or {@code b}. */
    static void add(long[] a, long[] b, boolean invertB, long carryIn, long[] r, int n) {
        long carry = carryIn;
        for (int i = 0; i < n; i++) {
            long x = a[i];
            long y = invertB ? ~b[i] : b[i];
            long s = x + y;
            long c1 = Long.compareUnsigned(s, x) < 0 ? 1 : 0;
            long s2 = s + carry;
            long c2 = (carry != 0 && s2 == 0) ? 1 : 0;
            r[i] = s2;
            carry = c1 | c2;
        }
    }

    static void negate(long[] a, long[] r, long[] zero, int n) {
        for (int i = 0; i < n; i++) zero[i] = 0;
        add(zero, a, true, 1, r, n);
    }

    /** r = a * b mod 2^(64n). {@code r} must not alias {@code a} or {@code b}. */
    static void multiply(long[] a, long[] b, long[] r, int n) {
        for (int i = 0; i < n; i++) r[i] = 0;
        for (int i = 0; i < n; i++) {
            long x = a[i];
            if (x == 0) continue;
            long carry = 0;
            for (int j = 0; i + j < n; j++) {
                long y = b[j];
                long lo = x * y;
                long hi = unsignedMultiplyHigh(x, y);
                long t = r[i + j] + lo;
                if (Long.compareUnsigned(t, lo) < 0) hi++;
                long t2 = t + carry;
                if (Long.compareUnsigned(t2, carry) < 0) hi++;
                r[i + j] = t2;
                carry = hi;
            }
        }
    }

    static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** Compares two {@code n}-word values; signed compares the top word as signed. */
    static int compare(long[] a, long[] b, int n, boolean signed) {
        for (int i = n - 1; i >= 0; i--) {
            if (a[i] != b[i]) {
                return (signed && i == n - 1) ? Long.compare(a[i], b[i]) : Long.compareUnsigned(a[i], b[i]);
            }
        }
        return 0;
    }

    /** r = a << amount (bits shifted past word n-1 are dropped). {@code r} must not alias {@code a}. */
    static void shiftLeft(long[] a, long amount, long[] r, int n) {
        if (amount >= 64L * n) { for (int i = 0; i < n; i++) r[i] = 0; return; }
        int ws = (int) (amount >>> 6);
        int bs = (int) (amount & 63);
        for (int i = n - 1; i >= 0; i--) {
            int src = i - ws;
            long w = src >= 0 ? a[src] << bs : 0;
            if (bs != 0 && src - 1 >= 0) w |= a[src - 1] >>> (64 - bs);
            r[i] = w;
        }
    }

    /** r = a >> amount, filling with the sign (arithmetic) or zeros. {@code r} must not alias {@code a}. */
    static void shiftRight(long[] a, long amount, boolean arithmetic, long[] r, int n) {
        long ext = arithmetic ? a[n - 1] >> 63 : 0;
        if (amount >= 64L * n) { for (int i = 0; i < n; i++) r[i] = ext; return; }
        int ws = (int) (amount >>> 6);
        int bs = (int) (amount & 63);
        for (int i = 0; i < n; i++) {
            int src = i + ws;
            long lo = src < n ? a[src] : ext;
            long w = lo >>> bs;
            if (bs != 0) w |= (src + 1 < n ? a[src + 1] : ext) << (64 - bs);
            else if (arithmetic && src >= n) w = ext;
            r[i] = w;
        }
    }

    /**
     * Bits {@code lo ..} of the {@code srcWords}-word canonical value at {@code v[off..]} into {@code r[0..nw)},
     * reading only the words they come from. Bits above the value read as its extension (sign or zero).
     */
    static void extract(long[] v, int off, int srcWords, boolean signed, int lo, long[] r, int nw) {
        long ext = signed ? v[off + srcWords - 1] >> 63 : 0;
        int ws = lo >>> 6, bs = lo & 63;
        for (int i = 0; i < nw; i++) {
            int src = ws + i;
            long w = (src < srcWords ? v[off + src] : ext) >>> bs;
            if (bs != 0) w |= (src + 1 < srcWords ? v[off + src + 1] : ext) << (64 - bs);
            r[i] = w;
        }
    }

    /** ORs the low {@code width} bits of the value at {@code src[off..]} into {@code r} starting at bit {@code pos}. */
    static void orBits(long[] src, int off, int width, long[] r, int pos, int n) {
        int nw = count(width);
        for (int k = 0; k < nw; k++) {
            long w = src[off + k];
            if (k == nw - 1) w &= mask(width - 64 * k);
            int bit = pos + 64 * k;
            int idx = bit >>> 6;
            int bs = bit & 63;
            if (idx < n) r[idx] |= w << bs;
            if (bs != 0 && idx + 1 < n) r[idx + 1] |= w >>> (64 - bs);
        }
    }

    /** 1 if the low {@code width} bits of {@code a} are all ones. */
    static long andReduce(long[] a, int width) {
        int nw = count(width);
        for (int k = 0; k < nw - 1; k++) if (a[k] != -1L) return 0;
        long m = mask(width - 64 * (nw - 1));
        return (a[nw - 1] & m) == m ? 1 : 0;
    }

    static long orReduce(long[] a, int width) {
        int nw = count(width);
        for (int k = 0; k < nw - 1; k++) if (a[k] != 0) return 1;
        return (a[nw - 1] & mask(width - 64 * (nw - 1))) != 0 ? 1 : 0;
    }

    static long xorReduce(long[] a, int width) {
        int nw = count(width);
        int bits = 0;
        for (int k = 0; k < nw - 1; k++) bits += Long.bitCount(a[k]);
        bits += Long.bitCount(a[nw - 1] & mask(width - 64 * (nw - 1)));
        return bits & 1;
    }

    /**
     * A shift amount stored at {@code v[off..off+nw)} (unsigned), saturated to {@link Long#MAX_VALUE} when it
     * does not fit a non-negative long.
     */
    static long amount(long[] v, int off, int nw) {
        for (int k = 1; k < nw; k++) if (v[off + k] != 0) return Long.MAX_VALUE;
        long a = v[off];
        return a < 0 ? Long.MAX_VALUE : a;
    }
}
