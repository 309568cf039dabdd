package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.util.List;

/**
 * A design compiled for the built-in engine: the flat value array {@link #v} plus the combinational program
 * and the clocked state that act on it. All state starts at 0 (two-state), memories at their initial
 * contents.
 */
final class Machine {
    final FlatDesign flat;
    final SlotMap slots;
    final CombProgram comb;
    final ClockedState clocked;
    /** Every net's canonical value; see {@link SlotMap}. */
    final long[] v;
    final int rstSlot;

    Machine(Design design) {
        flat = Flattener.flatten(design);
        slots = new SlotMap(flat.nodes());
        List<FlatNode> order = Levelizer.order(slots);
        comb = CombCompiler.compile(slots, order);
        int oneSlot = slots.size();
        v = new long[slots.size() + 1];
        v[oneSlot] = 1;
        rstSlot = flat.clocked() ? slots.offset(Flattener.RST) : -1;
        clocked = new ClockedState(slots, flat.memories(), oneSlot, rstSlot);
        for (FlatNode f : slots.representatives()) {
            if (f.node() instanceof Node.Const c) {
                if (!Values.fits(c.value(), c.type())) {
                    throw new IllegalArgumentException("constant '" + c.name() + "' (" + c.loc() + ") = " + c.value()
                            + " does not fit " + c.type());
                }
                Values.toWords(c.value(), c.type(), v, slots.offset(c.name()));
            }
        }
    }

    /** Evaluates all combinational nets from the current inputs and state. */
    void settle() { comb.run(v); }

    /** One rising clock edge (the combinational nets must be settled). */
    void edge() { clocked.edge(v); }
}
