package defernorm.eda;

/**
 * How far {@link ToolChecks#yosysSynth(java.nio.file.Path, String, SynthLevel)} takes Yosys.
 * {@link #FULL} gives gate-level cell counts for reports; {@link #COARSE} stops before gate mapping
 * (about 5x faster on multiplier-heavy units) yet still finds every latch, every inferred {@code $mem}
 * and every {@code check} problem, so test suites over many designs use it.
 */
public enum SynthLevel {
    /** {@code synth -run begin:fine}: word-level cells ({@code $alu}, {@code $sdffe}...); flip-flops counted in bits. */
    COARSE,
    /** The whole {@code synth} flow: gate-level cells after ABC. */
    FULL
}
