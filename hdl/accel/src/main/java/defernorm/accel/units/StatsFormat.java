package defernorm.accel.units;

import java.util.List;

/**
 * The layout of a tile's statistic word and how two of them combine in the statistics all-reduce
 * (docs/system.md): integer sums field by field (LayerNorm [S2, S1], RMSNorm [S2]; exact, order-free), or
 * softmax's online merge {@code [m,d] ⊕ [m',d'] = [M, roundShift(d, M−m) + roundShift(d', M−m')]} on the
 * word {@code cat(max, den)} (the single top's rescale rounding; the order of merges matters).
 *
 * <pre>{@code
 * StatsFormat.sums(List.of(23, 12));          // LayerNorm: S2 in bits 0..22, S1 in bits 23..34
 * StatsFormat.softmaxMerge(19, 13);           // den in bits 0..18, the signed max above it
 * }</pre>
 *
 * @param merge     true for softmax's online merge, false for field-wise sums
 * @param fieldBits the field widths from the low bits up (sums: each field; merge: den, then max)
 */
public record StatsFormat(boolean merge, List<Integer> fieldBits) {
    public StatsFormat {
        fieldBits = List.copyOf(fieldBits);
        if (fieldBits.isEmpty() || fieldBits.stream().anyMatch(b -> b < 1) || (merge && fieldBits.size() != 2)) {
            throw new IllegalArgumentException("a statistic word needs positive field widths (a merge: den and max), not " + fieldBits + ".");
        }
    }

    /** Field-wise integer sums; {@code fieldBits} from the low bits up. */
    public static StatsFormat sums(List<Integer> fieldBits) { return new StatsFormat(false, fieldBits); }

    /** Softmax's online merge on {@code cat(max (SInt(maxBits)), den (UInt(denBits)))}. */
    public static StatsFormat softmaxMerge(int denBits, int maxBits) { return new StatsFormat(true, List.of(denBits, maxBits)); }

    /** Width of the whole word. */
    public int width() { return fieldBits.stream().mapToInt(Integer::intValue).sum(); }
}
