package com.example.hw;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Role;
import defernorm.hdl.Signal;
import defernorm.hdl.SwitchChain;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

/**
 * Merges {@code inputs} valid/ready channels into one, taking turns: each cycle it offers the word of the first
 * valid input after the one that won last (wrapping around), so a busy input cannot starve the others.
 * Combinational: a word goes through in the cycle it is offered; {@code out_source} says whose it is.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(new RoundRobinArbiter(4, 16));   // in0_* .. in3_*, out_*, out_source
 * }</pre>
 */
public final class RoundRobinArbiter extends Component {
    public RoundRobinArbiter(int inputs, int width) {
        super("RoundRobinArbiter_N" + inputs + "_W" + width);
        if (inputs < 2) throw new IllegalArgumentException("an arbiter needs at least 2 inputs, not " + inputs);
        Type index = Type.uint(Math.max(1, 32 - Integer.numberOfLeadingZeros(inputs - 1)));
        Handshake[] in = new Handshake[inputs];
        Signal[] valid = new Signal[inputs];
        for (int k = 0; k < inputs; k++) {
            in[k] = ports("in" + k, new Handshake(width), Role.SLAVE);
            valid[k] = in[k].valid();
        }
        Handshake out = ports("out", new Handshake(width), Role.MASTER);

        // The winner: for each value of last_q, a priority chain that starts just after it.
        Reg last = reg("last_q", index).resetTo(inputs - 1);    // so input 0 goes first after reset
        Wire grant = wire("grant", index);
        grant.set(lit(0, index));                               // a default, for when no input is valid
        SwitchChain byLast = switchOn(last);
        for (int l = 0; l < inputs; l++) {
            Signal pick = lit(l, index);
            for (int i = inputs - 1; i >= 1; i--) {               // built from the lowest priority up
                int k = (l + i) % inputs;
                pick = Signal.mux(valid[k], lit(k, index), pick);
            }
            Signal winner = pick;
            byLast.is(l, () -> grant.set(winner));
        }

        Signal data = in[0].data();
        for (int k = 1; k < inputs; k++) data = Signal.mux(grant.eq(k), in[k].data(), data);
        Signal anyValid = Signal.cat(valid).orReduce();
        out.valid().set(anyValid);
        out.data().set(data);
        output("out_source", index).set(grant);
        for (int k = 0; k < inputs; k++) in[k].ready().set(out.ready().and(grant.eq(k)));

        when(anyValid.and(out.ready()), () -> last.set(grant));
    }
}
