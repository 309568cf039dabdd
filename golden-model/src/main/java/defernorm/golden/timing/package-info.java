/**
 * Cycle-accurate timing: every fixed pipeline depth ({@link defernorm.golden.timing.Latencies}) and the
 * closed-form cycle of every output beat ({@link defernorm.golden.timing.Schedule}). Formulas and the
 * cycle convention are in {@code docs/timing.md}.
 */
package defernorm.golden.timing;
