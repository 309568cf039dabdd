package defernorm.testbench.bench;

/** One design's result in {@link EmittedVerilogBench}: median cycles per CPU second of each version, and line counts. */
record VerilogSpeedRow(String design, String title, double ours, double handWritten, long cycles, int rounds,
                       long oursLines, long handWrittenLines) {
    double ratio() { return ours / handWritten; }

    double lineRatio() { return oursLines / (double) handWrittenLines; }
}
