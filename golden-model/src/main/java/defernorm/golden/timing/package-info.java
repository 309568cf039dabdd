/**
 * Cycle-accurate timing: the event {@link defernorm.golden.timing.Schedule} that gives the edge of every
 * input handshake, buffer read, factor, landing, drain and output beat for any source pattern
 * ({@link defernorm.golden.timing.Arrivals}), from the pipeline depths the hardware reports
 * ({@link defernorm.golden.timing.PipelineDepths}). Rules and closed forms are in {@code docs/timing.md}.
 */
package defernorm.golden.timing;
