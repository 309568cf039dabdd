package defernorm.testbench.check;

import defernorm.cosim.Simulation;

/** Turns waveform dumping on and off at the edges of a {@link WaveWindow} (or never, without one). */
final class WaveControl {
    private final Simulation sim;
    private final WaveWindow window;
    private boolean on;

    WaveControl(Simulation sim, WaveWindow window) {
        this.sim = sim;
        this.window = window;
    }

    /** Starts dumping if simulation cycle {@code now} lies in the window. */
    void at(long now) {
        if (window != null && !on && now >= window.from() && now <= window.to()) {
            sim.startWaves(window.file());
            on = true;
        }
    }

    /** True once {@code now} is past the window: the run may stop there. */
    boolean past(long now) { return window != null && now > window.to(); }

    /** The first cycle after {@code now} at which dumping must start, or Long.MAX_VALUE. */
    long nextStart(long now) { return window == null || on || window.from() <= now ? Long.MAX_VALUE : window.from(); }

    /** The last cycle to run, or Long.MAX_VALUE. */
    long end() { return window == null ? Long.MAX_VALUE : window.to(); }

    void stop() {
        if (on) {
            sim.stopWaves();
            on = false;
        }
    }
}
