package defernorm.testbench.bench;

/**
 * One design's result in {@link EmittedVerilogBench}: median cycles per CPU second of each version, the median
 * of the rounds' ratios (each round runs both versions back to back, so a load that slows one round slows both
 * sides of its ratio), and line counts.
 */
record VerilogSpeedRow(String design, String title, double ours, double handWritten, double ratio, long cycles, int rounds,
                       long oursLines, long handWrittenLines) {
    double lineRatio() { return oursLines / (double) handWrittenLines; }
}
