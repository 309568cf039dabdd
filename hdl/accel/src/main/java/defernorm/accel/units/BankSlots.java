package defernorm.accel.units;

import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

/**
 * One word per activation-buffer bank (the standard tops' per-token side state: the factor, its exponent and
 * S1 or softmax's final max). Words arrive once per token, in token order, so token t's word goes into slot
 * t mod 2 on the edge after {@code wr_valid}; {@code rd_data} is the slot {@code rd_bank} names (combinational).
 * A slot is rewritten only after its previous token's normalize lane took it ({@code Schedule.run} checks it).
 *
 * <pre>{@code
 * BankSlots s = new BankSlots(38);   // BankSlots_W38
 * }</pre>
 */
public final class BankSlots extends PipelinedUnit {
    /** A token's side word, written into the next bank's slot; the bank read ({@code rd_bank}) and its slot. */
    public final Flow wr;
    public final Signal rdBank;
    public final Output rdData;

    public BankSlots(int width) {
        super("BankSlots_W" + width);
        if (width < 1) throw new IllegalArgumentException("A bank slot needs at least 1 bit, not " + width + ".");
        wr = input("wr", Flow.of(Type.uint(width)));
        Reg bank = stageReg("wr_bank", Type.bool());
        toggle(bank, wr.valid());
        Reg[] slot = new Reg[2];
        for (int b = 0; b < 2; b++) {
            slot[b] = reg("slot" + b, Type.uint(width)).resetTo(0).enable(en().and(wr.valid()).and(b == 0 ? bank.not() : bank));
            slot[b].set(wr.data());
        }
        rdBank = input("rd_bank", Type.bool());
        rdData = output("rd_data", Signal.mux(rdBank, slot[1], slot[0]));
    }
}
