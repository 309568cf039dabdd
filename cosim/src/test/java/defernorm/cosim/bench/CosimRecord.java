package defernorm.cosim.bench;

/**
 * One line of bench.json's {@code "cosim"} list: how fast one engine runs one design in one mode,
 * against the native C++ loop on the same design.
 *
 * @param mode    {@code batch} (runBatch doing the native loop's work: stimulus and output checksum),
 *                {@code batch+model} (runBatch, outputs checked against the Java model) or {@code reactive} (Java pokes
 *                the inputs through port handles, peeks the outputs, checks them, steps one cycle)
 * @param engine  {@code builtin}, {@code verilator-inprocess} or {@code verilator-isolated}
 * @param checked every output of every cycle agreed with the Java model of the design (batch: the run's
 *                checksum equals the native loop's over the same cycles)
 */
record CosimRecord(String design, String mode, String engine, double cyclesPerSecond, double nativeCyclesPerSecond,
                   long cycles, boolean checked) {
    double ratioToNative() { return cyclesPerSecond / nativeCyclesPerSecond; }
}
