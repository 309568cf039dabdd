package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.util.List;

/**
 * A design compiled for the built-in engine: the flat value array {@link #v} plus the combinational program,
 * registers and memories that act on it. All state starts at 0 (two-state), memories at their initial
 * contents.
 */
final class Machine {
    final FlatDesign flat;
    final SlotMap slots;
    final CombProgram comb;
    final RegisterBank registers;
    final MemoryBank memories;
    final CheckBank checks;
    final ModelBank models;
    /** Every net's canonical value; see {@link SlotMap}. */
    final long[] v;
    final int rstSlot;

    Machine(Design design) {
        flat = Flattener.flatten(design);
        slots = new SlotMap(flat.nodes());
        List<FlatNode> order = CombCompiler.order(slots, Levelizer.levels(slots));
        slots.layout(order);   // before anything reads an offset
        comb = CombCompiler.compile(slots, order);
        int oneSlot = slots.size();
        v = new long[slots.size() + 1];
        v[oneSlot] = 1;
        rstSlot = flat.clocked() ? slots.offset(Flattener.RST) : -1;
        registers = new RegisterBank(slots, oneSlot);
        memories = new MemoryBank(slots, flat.memories(), oneSlot);
        checks = new CheckBank(flat.checks(), slots);
        models = new ModelBank(flat.models(), slots);
        for (FlatNode f : slots.representatives()) {
            if (f.node() instanceof Node.Const c) {
                if (!Values.fits(c.value(), c.type())) {
                    throw new IllegalArgumentException("constant '" + c.name() + "' (" + c.loc() + ") = " + c.value()
                            + " does not fit " + c.type());
                }
                Values.toWords(c.value(), c.type(), v, slots.offset(c.name()));
            }
        }
        models.publish(v);
    }

    /** The compiled size, for benchmarks: "22570 comb ops in 139 runs (260 wide), 12612 registers, ...". */
    String describe() {
        return comb.size() + " comb ops in " + comb.runs() + " runs (" + comb.wideCount() + " wide), " + registers.size()
                + " registers, " + flat.memories().size() + " memories, " + v.length + " slots";
    }

    /** Evaluates all combinational nets from the current inputs and state. */
    void settle() { comb.run(v); }

    /**
     * One rising clock edge (the combinational nets must be settled). Everything samples its inputs before
     * anything is stored, like non-blocking assignments; memory writes land after the read-first reads.
     */
    void edge() {
        boolean rst = rstSlot >= 0 && v[rstSlot] != 0;
        registers.sample(v, rst);
        memories.sampleReads(v);
        models.edge(v, rst);
        memories.write(v);
        registers.update(v, rst);   // in place: after every other read of the old state
        registers.commit(v);
        memories.commitReads(v);
        models.publish(v);
    }

    /** Checks the assertions and counts the cover points of cycle {@code cycle} (settled, before its edge). */
    void check(long cycle) {
        if (!checks.isEmpty()) checks.sample(v, rstSlot >= 0 && v[rstSlot] != 0, cycle);
    }
}
