package defernorm.accel.tops;

/**
 * What the root must build for a tile's drained groups (docs/system.md): {@code scaled} false:
 * {@code sat32((acc << up) + bias)} (an {@code OutputStage}); true:
 * {@code sat32(roundShift(acc·factor, 31 + exp − outFrac) + bias)} (a {@code ScaleUnit} with
 * {@code factorBits}-bit factors). {@code accBits}: a tile's accumulator width.
 *
 * <pre>{@code
 * OutputPlan plan = tile.outputPlan();   // e.g. OutputPlan[scaled=true, accBits=22, up=0, factorBits=23, outFrac=8]
 * }</pre>
 */
public record OutputPlan(boolean scaled, int accBits, int up, int factorBits, int outFrac) {}
