package defernorm.testbench.check;

import defernorm.testbench.stimulus.Flow;
import java.nio.file.Path;
import java.util.List;

/**
 * What one checker run streams and how.
 *
 * <pre>{@code
 * CheckPlan plan = CheckPlan.free(tokens, 42L).withWaves(Path.of("rtl-out/waves"));
 * CheckPlan bp   = CheckPlan.free(tokens, 42L).withFlow(Flow.random(0.7, 0.6));
 * }</pre>
 *
 * @param tokens     the int8 tokens, each of length n
 * @param flow       input bubbles and output backpressure; every cycle is compared while the sink is always ready
 * @param seed       seeds the input gaps ({@link Flow#arrivals}) and backpressure patterns (the same seed replays the same run)
 * @param reset      an abandoned stream and reset before the checked one, or null
 * @param waveDir    where to write a VCD window around the first mismatch, or null for none
 * @param waveWindow cycles of waveform before and after the mismatch
 * @param fullWave   a VCD file to receive the whole run, or null
 */
public record CheckPlan(List<byte[]> tokens, Flow flow, long seed, MidStreamReset reset, Path waveDir, int waveWindow,
                        Path fullWave) {
    public CheckPlan {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) throw new IllegalArgumentException("a check needs at least one token");
    }

    public static CheckPlan free(List<byte[]> tokens, long seed) {
        return new CheckPlan(tokens, Flow.FREE, seed, null, null, 24, null);
    }

    public CheckPlan withFlow(Flow f) { return new CheckPlan(tokens, f, seed, reset, waveDir, waveWindow, fullWave); }
    public CheckPlan withReset(MidStreamReset r) { return new CheckPlan(tokens, flow, seed, r, waveDir, waveWindow, fullWave); }
    public CheckPlan withWaves(Path dir) { return new CheckPlan(tokens, flow, seed, reset, dir, waveWindow, fullWave); }
    public CheckPlan withFullWave(Path vcd) { return new CheckPlan(tokens, flow, seed, reset, waveDir, waveWindow, vcd); }
    public CheckPlan withWaveWindow(int cycles) { return new CheckPlan(tokens, flow, seed, reset, waveDir, cycles, fullWave); }
}
