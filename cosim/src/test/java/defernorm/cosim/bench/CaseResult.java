package defernorm.cosim.bench;

/**
 * One design's figures. Rates are cycles per second; NaN when an engine could not run (see the note).
 *
 * @param nativeRate   (a) Verilator, native C++ stimulus loop in the harness
 * @param batchRate    (b) Verilator isolated (child process) driven from Java in batch mode, every output checked in Java
 * @param builtinRate  (c) the built-in engine, same batch and checks
 * @param icarusRate   (d) Icarus Verilog on the same emitted Verilog
 * @param coldBuildMs  first build of the model with Verilator's runtime library already cached
 * @param cachedStartMs open on a cached model (in-process) until the first peek answered, in this JVM
 * @param freshJvmStartMs the same in a fresh JVM, to the first simulated cycle (-1 if it failed)
 * @param nativeCpuNs  CPU time of the harness process per cycle in (a)
 * @param batchChildCpuNs CPU time of the harness process per cycle in (b)
 * @param batchJavaCpuNs  CPU time of the JVM (all its threads) per cycle in (b)
 */
record CaseResult(String name, String title,
                  long nativeCycles, double nativeRate,
                  long batchCycles, double batchRate, boolean batchMatchesNative,
                  long builtinCycles, double builtinRate, long builtinMismatches,
                  long icarusCycles, double icarusRate, boolean icarusMatchesVerilator,
                  long coldBuildMs, long cachedStartMs, long freshJvmStartMs,
                  double nativeCpuNs, double batchChildCpuNs, double batchJavaCpuNs, String note) {

    double bOverA() { return batchRate / nativeRate; }

    double cOverA() { return builtinRate / nativeRate; }

    double cOverD() { return builtinRate / icarusRate; }
}
