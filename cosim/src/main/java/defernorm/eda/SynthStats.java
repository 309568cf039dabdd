package defernorm.eda;

import java.util.Map;

/**
 * Cell counts from Yosys {@code stat} after {@code synth -flatten}, for reports (e.g. docs/units.md).
 *
 * @param cells       cells at the end of the flow: gates for {@link SynthLevel#FULL} (memories mapped to
 *                    flip-flops and logic), word-level cells for {@link SynthLevel#COARSE}
 * @param flipFlops   flip-flop bits (gate-level {@code *DFF*} cells, or word-level ones times their width);
 *                    includes mapped memory bits only for {@link SynthLevel#FULL}
 * @param memories    {@code $mem} cells Yosys inferred before mapping memories to logic
 * @param latches     latch bits; must be 0
 * @param cellsByType final cell counts by Yosys cell type, sorted by type
 */
public record SynthStats(int cells, int flipFlops, int memories, int latches, Map<String, Integer> cellsByType) {
    public SynthStats { cellsByType = Map.copyOf(cellsByType); }
}
