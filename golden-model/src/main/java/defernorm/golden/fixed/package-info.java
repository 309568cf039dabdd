/**
 * Bit-level arithmetic units, each a pure static function on {@code long}s with documented input and
 * output widths: exactly what the RTL implements, stage by stage. See {@code docs/numerics.md}.
 *
 * <p>Every unit here is exact integer arithmetic; the only rounding rule is
 * {@link defernorm.golden.fixed.Rounding#roundShift(long, int)} (round half up).
 */
package defernorm.golden.fixed;
