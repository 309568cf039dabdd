package defernorm.cosim.builtin;

import defernorm.cosim.AssertionFailed;
import defernorm.hdl.ir.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The design's assertions and cover points, sampled before each rising edge while {@code rst} is low: a
 * failed assertion throws {@link AssertionFailed}; a cover point whose enable and condition hold counts one.
 */
final class CheckBank {
    private final Check[] checks;
    private final int[] condition, enable;   // slot offsets; enable -1: always
    private final long[] hits;

    CheckBank(List<Check> list, SlotMap slots) {
        checks = list.toArray(new Check[0]);
        condition = new int[checks.length];
        enable = new int[checks.length];
        hits = new long[checks.length];
        for (int i = 0; i < checks.length; i++) {
            condition[i] = slots.offset(checks[i].condition());
            enable[i] = checks[i].enable() == null ? -1 : slots.offset(checks[i].enable());
        }
    }

    boolean isEmpty() { return checks.length == 0; }

    /** Checks the settled values of cycle {@code cycle}, just before its edge. */
    void sample(long[] v, boolean rst, long cycle) {
        if (rst) return;
        for (int i = 0; i < checks.length; i++) {
            if (enable[i] >= 0 && v[enable[i]] == 0) continue;
            boolean holds = v[condition[i]] != 0;
            switch (checks[i].kind()) {
                case ASSERT -> {
                    if (!holds) throw new AssertionFailed(checks[i].failure(cycle), cycle, checks[i].loc());
                }
                case COVER -> { if (holds) hits[i]++; }
            }
        }
    }

    /** Hits of every cover point by hierarchical name, in design order. */
    Map<String, Long> coverage() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < checks.length; i++) if (checks[i].kind() == Check.Kind.COVER) m.put(checks[i].name(), hits[i]);
        return m;
    }
}
