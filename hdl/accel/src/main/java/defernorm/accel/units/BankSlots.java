package defernorm.accel.units;

import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * One word per activation-buffer bank (the standard tops' per-token side state: the factor, its exponent and
 * S1 or softmax's final max). Words arrive once per token, in token order, so token t's word goes into slot
 * t mod 2 on the edge after {@code wr_en}; {@code rd_data} is the slot {@code rd_bank} names (combinational).
 * A slot is rewritten only after its previous token's normalize lane took it ({@code Schedule.run} checks it).
 *
 * <p>Ports: {@code en}, {@code wr_en}, {@code wr_data} (UInt(W)), {@code rd_bank} &rarr; {@code rd_data}.
 *
 * <pre>{@code
 * BankSlots s = new BankSlots(38);   // BankSlots_W38
 * }</pre>
 */
public final class BankSlots extends PipelinedUnit {
    public BankSlots(int width) {
        super("BankSlots_W" + width);
        if (width < 1) throw new IllegalArgumentException("A bank slot needs at least 1 bit, not " + width + ".");
        Signal we = input("wr_en", Type.bool());
        Signal data = input("wr_data", Type.uint(width));
        Reg bank = stageReg("wr_bank", Type.bool());
        bank.set(Signal.mux(we, bank.not(), bank));
        Reg[] slot = new Reg[2];
        for (int b = 0; b < 2; b++) {
            slot[b] = reg("slot" + b, Type.uint(width)).resetTo(0).enable(en().and(we).and(b == 0 ? bank.not() : bank));
            slot[b].set(data);
        }
        output("rd_data", Type.uint(width)).set(Signal.mux(input("rd_bank", Type.bool()), slot[1], slot[0]));
    }
}
