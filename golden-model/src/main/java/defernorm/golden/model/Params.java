package defernorm.golden.model;

/**
 * Shape of one datapath: vector length {@code n}, output columns {@code m}, input lanes {@code p},
 * output lanes {@code q}, collective latency {@code c} in cycles.
 *
 * <pre>{@code
 * Params prm = new Params(64, 32, 8, 4, 0);
 * prm.beats();   // NB = 8 input beats per token
 * prm.groups();  // G = 8 output beats per token
 * }</pre>
 *
 * @throws IllegalArgumentException with one sentence naming the broken rule
 */
public record Params(int n, int m, int p, int q, int c) {
    /** Largest supported vector length: keeps every intermediate below 2^62 (docs/numerics.md). */
    public static final int MAX_N = 16384;
    /** Largest supported number of output columns. */
    public static final int MAX_M = 65536;

    public Params {
        if (n < 1 || n > MAX_N) {
            throw new IllegalArgumentException("n must be between 1 and " + MAX_N + ", got " + n + ".");
        }
        if (m < 1 || m > MAX_M) {
            throw new IllegalArgumentException("m must be between 1 and " + MAX_M + ", got " + m + ".");
        }
        if (p < 1) {
            throw new IllegalArgumentException("P (input lanes) must be at least 1, got " + p + ".");
        }
        if (q < 1) {
            throw new IllegalArgumentException("Q (output lanes) must be at least 1, got " + q + ".");
        }
        if (c < 0) {
            throw new IllegalArgumentException("C (collective latency) must be at least 0, got " + c + ".");
        }
        if (n % p != 0) {
            throw new IllegalArgumentException("P must divide n, but n=" + n + " is not a multiple of P=" + p + ".");
        }
        if (m % q != 0) {
            throw new IllegalArgumentException("Q must divide m, but m=" + m + " is not a multiple of Q=" + q + ".");
        }
    }

    /** NB = n / P input beats per token. */
    public int beats() {
        return n / p;
    }

    /** G = m / Q column groups, which is also the number of output beats per token. */
    public int groups() {
        return m / q;
    }

    /** Same shape with another collective latency. */
    public Params withC(int newC) {
        return new Params(n, m, p, q, newC);
    }
}
