package defernorm.accel.tops;

import defernorm.hdl.Signal;

/**
 * The groups a drain issues into the output side: {@code valid} (issue), {@code last} (the token's last
 * group), {@code group} (null when G = 1) and the Q accumulators {@code acc}, lane 0 low.
 *
 * <pre>{@code
 * Drained d = new Drained(drain.out(unit.issue), drain.out(unit.last), null, mac.readData());
 * }</pre>
 */
public record Drained(Signal valid, Signal last, Signal group, Signal acc) {}
