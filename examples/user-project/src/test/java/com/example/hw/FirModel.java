package com.example.hw;

/** The FIR in plain Java, sample by sample: the reference the hardware is checked against. */
final class FirModel {
    private final int[] coeffs;
    private final long[] history;   // x[n], x[n-1], ..., newest first

    FirModel(int... coeffs) {
        this.coeffs = coeffs.clone();
        this.history = new long[coeffs.length];
    }

    /** Takes sample x[n] and returns y[n]. */
    long next(long x) {
        System.arraycopy(history, 0, history, 1, history.length - 1);
        history[0] = x;
        long y = 0;
        for (int k = 0; k < coeffs.length; k++) y += coeffs[k] * history[k];
        return y;
    }
}
