package defernorm.cosim.builtin;

import java.util.Arrays;
import java.util.List;

/**
 * Finds which of many nets changed between two snapshots of the state array, in time proportional to the
 * array's length (one vectorized comparison) plus the changed nets, not to the number of nets: a design of
 * tens of thousands of nets changes only a few hundred per cycle. Nets may share words (renames do).
 */
final class ChangedNets {
    /** For word w, the nets covering it are {@code netsOf[first[w] .. first[w + 1])}. */
    private final int[] first, netsOf;
    /** {@code seen[net] == epoch} once a net was listed by the current {@link #find}. */
    private final int[] seen;
    private final int[] found;
    private int epoch;

    /** @param ranges each net's {@code {offset, words}} in {@code words}-long state arrays */
    ChangedNets(List<int[]> ranges, int words) {
        first = new int[words + 1];
        for (int[] r : ranges) for (int w = r[0]; w < r[0] + r[1]; w++) first[w + 1]++;
        for (int w = 0; w < words; w++) first[w + 1] += first[w];
        netsOf = new int[first[words]];
        int[] fill = Arrays.copyOf(first, words);
        for (int n = 0; n < ranges.size(); n++) {
            int[] r = ranges.get(n);
            for (int w = r[0]; w < r[0] + r[1]; w++) netsOf[fill[w]++] = n;
        }
        seen = new int[ranges.size()];
        found = new int[ranges.size()];
    }

    /**
     * The nets with a word that differs between {@code now} and {@code before}, ascending, in the first
     * {@code count} entries of the returned array (reused by the next call).
     */
    int[] find(long[] now, long[] before, int[] count) {
        epoch++;
        int n = 0;
        int len = now.length;
        for (int at = 0; at < len; ) {
            int m = Arrays.mismatch(now, at, len, before, at, len);
            if (m < 0) break;
            int w = at + m;
            for (int j = first[w]; j < first[w + 1]; j++) {
                int net = netsOf[j];
                if (seen[net] != epoch) { seen[net] = epoch; found[n++] = net; }
            }
            at = w + 1;
        }
        Arrays.sort(found, 0, n);
        count[0] = n;
        return found;
    }
}
