package defernorm.cosim.bench;

/**
 * One line of bench.json's {@code "cosim"} list: how fast one engine runs one design in one mode,
 * against the native C++ loop on the same design.
 *
 * @param mode    {@code batch} (runBatch doing the native loop's work: stimulus and output checksum),
 *                {@code reactive} (the same work one cycle at a time: Java pokes the inputs through port handles,
 *                peeks the outputs, steps one cycle), or {@code batch+model}/{@code reactive+model} (outputs
 *                checked against the Java model instead)
 * @param engine  {@code builtin}, {@code verilator-inprocess} or {@code verilator-isolated}
 * @param checked batch and reactive: the run's checksum equals the native loop's over the same cycles;
 *                the +model modes: every output of every cycle agreed with the Java model of the design
 * @param nativeCyclesPerSecond the native loop's rate, run alternately with this record's runs
 */
record CosimRecord(String design, String mode, String engine, double cyclesPerSecond, double nativeCyclesPerSecond,
                   long cycles, boolean checked) {
    double ratioToNative() { return cyclesPerSecond / nativeCyclesPerSecond; }
}
