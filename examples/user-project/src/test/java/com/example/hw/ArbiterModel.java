package com.example.hw;

/** The round-robin rule in plain Java: the reference {@link RoundRobinArbiter} is checked against. */
final class ArbiterModel {
    private final int inputs;
    private int last;

    ArbiterModel(int inputs) {
        this.inputs = inputs;
        this.last = inputs - 1;
    }

    /** The input that wins among the valid ones (the first after the last winner), or -1 if none is valid. */
    int winner(boolean[] valid) {
        for (int i = 1; i <= inputs; i++) {
            int k = (last + i) % inputs;
            if (valid[k]) return k;
        }
        return -1;
    }

    /** Records that input {@code k}'s word was taken. */
    void taken(int k) { last = k; }
}
