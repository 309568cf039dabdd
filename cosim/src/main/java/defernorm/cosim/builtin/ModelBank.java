package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatModel;
import defernorm.hdl.ir.ModuleIr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The behavioural models of black-box instances. Their outputs are source nets, like registers: written
 * after each edge (and once at the start), read by the logic during the next cycle.
 */
final class ModelBank {
    private record Bound(FlatModel m, List<ModuleIr.Port> inputs, int[] inSlots, List<ModuleIr.Port> outputs,
                         int[] outSlots) {}

    private final List<Bound> bound = new ArrayList<>();

    ModelBank(List<FlatModel> models, SlotMap slots) {
        for (FlatModel m : models) {
            List<ModuleIr.Port> ins = new ArrayList<>(), outs = new ArrayList<>();
            List<Integer> inSlots = new ArrayList<>(), outSlots = new ArrayList<>();
            for (int i = 0; i < m.ports().size(); i++) {
                ModuleIr.Port p = m.ports().get(i);
                (p.output() ? outs : ins).add(p);
                (p.output() ? outSlots : inSlots).add(slots.offset(m.nets().get(i)));
            }
            bound.add(new Bound(m, ins, inSlots.stream().mapToInt(Integer::intValue).toArray(), outs,
                    outSlots.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    /** Hands every model its settled inputs: one rising edge. Outputs change only at {@link #publish}. */
    void edge(long[] v, boolean rst) {
        for (Bound b : bound) {
            Map<String, BigInteger> in = new LinkedHashMap<>();
            for (int i = 0; i < b.inputs().size(); i++) {
                ModuleIr.Port p = b.inputs().get(i);
                in.put(p.name(), Values.fromWords(v, b.inSlots()[i], p.type()));
            }
            b.m().model().edge(in, rst);
        }
    }

    /** Writes every model's current outputs into their nets. */
    void publish(long[] v) {
        for (Bound b : bound) {
            for (int i = 0; i < b.outputs().size(); i++) {
                ModuleIr.Port p = b.outputs().get(i);
                BigInteger value = b.m().model().output(p.name());
                if (value == null || !Values.fits(value, p.type())) {
                    throw new IllegalStateException("the behavioural model of black-box instance '" + b.m().instance()
                            + "' gave " + value + " for output '" + p.name() + "', which does not fit " + p.type());
                }
                Values.toWords(value, p.type(), v, b.outSlots()[i]);
            }
        }
    }
}
