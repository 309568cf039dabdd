package defernorm.accel.units;

import defernorm.hdl.*;
import defernorm.hdl.ir.Type;
import defernorm.hdl.stream.StreamFifo;

/**
 * The one drain sequencer of a top (docs/microarchitecture.md, "Drain"): reads a token's G groups from its
 * drain bank on consecutive edges, tokens in order (token t from bank t mod 2), starting the edge after the
 * token's accumulators landed and after the previous token's G reads. With a factor (deferred), a token also
 * waits for its factor: factors wait in a {@link StreamFifo} (registers) of {@code factorSlots} entries between the factor
 * register and the drain, with a bypass, so a drain may start on the edge after its factor register loads.
 *
 * <pre>{@code
 * DrainSequencer d = new DrainSequencer(8, 24, 4);   // DrainSequencer_G8_F24_D4: deferred, 4 factor slots
 * }</pre>
 */
public final class DrainSequencer extends PipelinedUnit {
    /** The array's {@code drain_valid}: one cycle after a token's accumulators landed in a drain bank. */
    public final Signal land;
    /** The factor word, the cycle after the factor register loaded (null without a factor). */
    public final Signal factorValid, factorData;
    /**
     * For this cycle's edge (combinational): a drain starts; a read issues; the token's G-th read; its bank; the
     * read's group (G &gt; 1, else null); the draining token's factor word for all G reads (null without one).
     */
    public final Output start, issue, last, bank, group, factor;

    /**
     * @param groups      G: reads per token
     * @param factorBits  width of the factor word the drain waits for; 0: no factor (matmul-only, standard)
     * @param factorSlots factors held between the factor register and the drain (0 without a factor)
     */
    public DrainSequencer(int groups, int factorBits, int factorSlots) {
        super("DrainSequencer_G" + groups + (factorBits > 0 ? "_F" + factorBits + "_D" + factorSlots : ""));
        if (groups < 1 || factorBits < 0 || (factorBits > 0) != (factorSlots > 0)) {
            throw new IllegalArgumentException("A drain sequencer needs G of at least 1 and factor slots exactly when it waits for a factor, not G="
                    + groups + ", F=" + factorBits + ", slots=" + factorSlots + ".");
        }
        Signal en = en();
        land = input("land", Type.bool());

        // ---- tokens landed and not yet draining: at most the two drain banks --------------------------------------
        Reg landed = stageReg("landed", Type.uint(2));
        Signal accAvail = land.or(landed.ne(0));
        Reg busy = stageReg("busy", Type.bool());
        Signal ready = accAvail.and(busy.not());

        // ---- the factor: a FIFO with a bypass for a drain that starts the edge after the factor register loads ----------
        factorValid = factorBits > 0 ? input("factor_valid", Type.bool()) : null;
        factorData = factorBits > 0 ? input("factor_data", Type.uint(factorBits)) : null;
        Signal factorOut = null;
        Signal start;
        if (factorBits > 0) {
            StreamFifo<Signal> q = StreamFifo.of(Type.uint(factorBits), factorSlots, StreamFifo.Storage.REGISTERS);
            Inst fifo = instance("factor_fifo", q);
            Signal queued = fifo.out(q.out.valid());
            start = ready.and(queued.or(factorValid)).named("drain_start");
            Signal head = Signal.mux(queued, fifo.out(q.out.data()), factorData);
            // Pushed and popped only on enabled edges; the owner never overfills it (Schedule.run: factorSlots suffice).
            fifo.in(q.in.data(), factorData)
                    .in(q.in.valid(), en.and(factorValid.and(start.and(queued.not()).not())))
                    .in(q.out.ready(), en.and(start.and(queued)));
            Reg held = reg("factor_q", Type.uint(factorBits)).resetTo(0).enable(en.and(start));
            held.set(head);
            factorOut = Signal.mux(start, head, held);
        } else {
            start = ready.named("drain_start");
        }
        upDown(landed, land, start);

        // ---- G reads on consecutive edges ------------------------------------------------------------------------------
        Reg group = groups > 1 ? stageReg("group_q", Type.uint(Type.bitsFor(groups - 1))) : null;
        Signal issue = start.or(busy).named("drain_issue");
        Signal lastG = groups == 1 ? lit(1, Type.bool()) : group.eq(groups - 1);
        if (groups > 1) group.set(wrapCount(group, issue, lastG));
        busy.set(issue.and(lastG.not()));
        Signal last = issue.and(lastG).named("drain_last");
        // The bank flips after a token's last read, so it names the draining token's bank for all G reads.
        Reg bank = stageReg("bank_q", Type.bool());
        toggle(bank, last);
        this.start = output("start", start);
        this.issue = output("issue", issue);
        this.last = output("last", last);
        this.bank = output("bank", bank);
        this.group = groups > 1 ? output("group", group) : null;
        this.factor = factorBits > 0 ? output("factor", factorOut) : null;
    }
}
