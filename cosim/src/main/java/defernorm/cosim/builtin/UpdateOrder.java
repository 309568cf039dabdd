package defernorm.cosim.builtin;

import defernorm.hdl.ir.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which registers of at most 64 bits {@link RegisterBank} may update in place at an edge, and in what order.
 * Register Q reads register R at the edge when Q's next value or enable is R's slot (a pure rename of it);
 * updating R in place is then correct only once Q has been updated. Registers on a loop of such reads (or
 * read by one) cannot be ordered so and stay staged.
 */
final class UpdateOrder {
    private UpdateOrder() {}

    /** The registers of {@code regs} that can be updated in place, every one after all registers that read it. */
    static List<Node.Reg> inPlace(SlotMap slots, List<Node.Reg> regs) {
        Map<Integer, Integer> bySlot = new HashMap<>();
        for (int i = 0; i < regs.size(); i++) bySlot.put(slots.offset(regs.get(i).name()), i);
        List<List<Integer>> reads = new ArrayList<>();   // reads.get(q): the other registers q reads
        int[] readers = new int[regs.size()];
        for (int q = 0; q < regs.size(); q++) {
            Node.Reg r = regs.get(q);
            List<Integer> mine = new ArrayList<>(2);
            for (String src : r.enable() == null ? List.of(r.next()) : List.of(r.next(), r.enable())) {
                Integer other = bySlot.get(slots.offset(src));
                if (other != null && other != q && !mine.contains(other)) {
                    mine.add(other);
                    readers[other]++;
                }
            }
            reads.add(mine);
        }
        // Kahn's algorithm: a register is ready once every register reading it has been placed.
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < regs.size(); i++) if (readers[i] == 0) ready.add(i);
        List<Node.Reg> order = new ArrayList<>(regs.size());
        while (!ready.isEmpty()) {
            int q = ready.poll();
            order.add(regs.get(q));
            for (int r : reads.get(q)) if (--readers[r] == 0) ready.add(r);
        }
        return order;
    }
}
