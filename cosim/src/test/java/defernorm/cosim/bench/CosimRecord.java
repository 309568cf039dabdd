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
 * @param cyclesPerSecond       the median of the rounds' rates
 * @param nativeCyclesPerSecond the median of the native loop's rates, each run back to back with one of this
 *                              record's runs
 * @param ratioToNative         the median of the rounds' own ratios (a run over the native loop's run beside
 *                              it), which need not equal the ratio of the two medians
 * @param lowestRatio           the lowest round's ratio, and {@code highestRatio} the highest: the spread
 */
record CosimRecord(String design, String mode, String engine, double cyclesPerSecond, double nativeCyclesPerSecond,
                   double ratioToNative, double lowestRatio, double highestRatio, long cycles, boolean checked) {}
