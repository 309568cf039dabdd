package com.example.hw;

/** The round-robin rule in plain Java: the reference {@link RoundRobinArbiter} is checked against. */
final class ArbiterModel {
    private final int inputs;
    private int last;
    private int held = -1;      // the input whose word was offered and not taken, or -1

    ArbiterModel(int inputs) {
        this.inputs = inputs;
        this.last = inputs - 1;
    }

    /**
     * The input whose word is offered this cycle, or -1 if none is valid: the one still waiting to be taken,
     * else the first valid input after the last winner.
     */
    int winner(boolean[] valid) {
        if (held >= 0) return held;
        for (int i = 1; i <= inputs; i++) {
            int k = (last + i) % inputs;
            if (valid[k]) return k;
        }
        return -1;
    }

    /** Ends a cycle in which {@code winner} (or -1) was offered; {@code taken} says whether the output took it. */
    void endCycle(int winner, boolean taken) {
        if (winner >= 0 && taken) last = winner;
        held = winner >= 0 && !taken ? winner : -1;
    }
}
