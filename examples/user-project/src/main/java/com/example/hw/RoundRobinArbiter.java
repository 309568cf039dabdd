package com.example.hw;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import defernorm.hdl.ir.Type;
import defernorm.hdl.stream.Stream;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges {@code inputs} valid/ready channels into one, taking turns: it offers the word of the first valid input
 * after the one that won last (wrapping around), so a busy input cannot starve the others, and keeps offering it
 * until it is taken. Combinational: a word goes through in the cycle it is offered, tagged with the input it came
 * from. The library's {@code defernorm.hdl.stream.RoundRobinArbiter} does the same (and per packet); this one
 * shows how such a block is written.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(new RoundRobinArbiter(4, 16));   // in_0_* .. in_3_*, out_valid, out_ready, out_data_*
 * }</pre>
 */
public final class RoundRobinArbiter extends Component {
    public RoundRobinArbiter(int inputs, int width) {
        super("RoundRobinArbiter_N" + inputs + "_W" + width);
        if (inputs < 2) throw new IllegalArgumentException("an arbiter needs at least 2 inputs, not " + inputs);
        Type index = Type.uint(Math.max(1, 32 - Integer.numberOfLeadingZeros(inputs - 1)));
        Vec<Stream<Signal>> in = input("in", Vec.of(inputs, Stream.of(Type.uint(width))));
        Stream<Tagged> out = output("out", Stream.of(Tagged.of(Type.uint(width), index)));
        Vec<Signal> valid = in.map(Stream::valid);

        // The winner for each value of last_q (a priority chain starting just after it), then the one that applies.
        Reg last = reg("last_q", index).resetTo(inputs - 1);     // so input 0 goes first after reset
        List<Signal> winnerAfter = new ArrayList<>();
        for (int l = 0; l < inputs; l++) winnerAfter.add(firstValidAfter(l, valid, index));
        // A word offered and not taken stays offered, whoever else turns valid: the valid/ready rule.
        Reg waiting = reg("waiting_q", Type.bool()).resetTo(0);
        Reg held = reg("held_q", index).resetTo(0);
        Signal grant = Signal.mux(waiting, held, Vec.from(winnerAfter).at(last)).named("grant");

        out.valid().set(valid.asBits().orReduce());
        out.data().word().set(in.at(grant).data());             // a dynamic read: a multiplexer
        out.data().source().set(grant);
        for (Stream<Signal> s : in) s.ready().set(lit(0, Type.bool()));
        in.at(grant).ready().set(out.ready());                  // a dynamic write: only the winner's ready
        when(out.fire(), () -> last.set(grant));
        waiting.set(out.valid().and(out.ready().not()));
        held.set(grant);
    }

    /** The first valid input after input {@code l}, in the order l+1, l+2, ..., l (built from the last choice up). */
    private Signal firstValidAfter(int l, Vec<Signal> valid, Type index) {
        int n = valid.size();
        Signal pick = lit(l, index);
        for (int i = n - 1; i >= 1; i--) {
            int k = (l + i) % n;
            pick = Signal.mux(valid.get(k), lit(k, index), pick);
        }
        return pick;
    }
}
