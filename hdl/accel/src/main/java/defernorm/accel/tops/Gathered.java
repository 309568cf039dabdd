package defernorm.accel.tops;

import defernorm.hdl.Signal;

/** A reduced statistic after the collective ({@link CollectiveStage}): {@code valid} pulses once per token. */
record Gathered(Signal valid, Signal data) {}
