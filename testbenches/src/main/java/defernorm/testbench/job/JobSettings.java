package defernorm.testbench.job;

import defernorm.cosim.Engine;
import defernorm.golden.model.Params;
import java.nio.file.Path;

/**
 * How the main job runs.
 *
 * @param params     the default configuration every top is generated at
 * @param tokens     random tokens per top (the directed edge cases come on top)
 * @param seed       seeds problems, tokens and flow patterns
 * @param outDir     where the tops, waveforms and reports go (rtl-out/)
 * @param engine     the engine to co-simulate on
 * @param engineNote the first line of output, saying which engine and why
 * @param synth      run yosys for cell and flip-flop counts (when it is installed)
 * @param synthWait  seconds to wait, once the simulations are done, for counts still being synthesized
 * @param sweep      measure the latency sweeps over n and C for the plots
 * @param progress   draw a progress bar on stderr
 */
public record JobSettings(Params params, int tokens, long seed, Path outDir, Engine engine, String engineNote,
                          boolean synth, int synthWait, boolean sweep, boolean progress) {}
