package defernorm.accel.units;

import defernorm.hdl.Inst;
import defernorm.hdl.Output;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
import defernorm.hdl.stream.StreamFifo;

/**
 * The one drain sequencer of a top (docs/microarchitecture.md, "Drain"): reads a token's G groups from its
 * drain bank on consecutive edges, tokens in order (token t from bank t mod 2), starting the edge after the
 * token's accumulators landed and after the previous token's G reads. With a factor (deferred), a token also
 * waits for its factor: factors wait in a {@link StreamFifo} (registers) of {@code factorSlots} entries between the factor
 * register and the drain, with a bypass, so a drain may start on the edge after its factor register loads.
 *
 * <p>Ports: {@code en}; {@code land} (the array's {@code drain_valid}: one cycle after a token landed);
 * {@code factor_valid}, {@code factor_data} (UInt(F), only with a factor: one cycle after the factor register
 * loaded) &rarr; {@code start} (the first read of a token's drain is on this cycle's edge), {@code issue},
 * {@code last} (the token's G-th read), {@code bank}, {@code group} (only when G &gt; 1) and {@code factor}
 * (only with a factor: the draining token's factor, for all G reads); all combinational for this cycle's edge.
 *
 * <pre>{@code
 * DrainSequencer d = new DrainSequencer(8, 24, 4);   // DrainSequencer_G8_F24_D4: deferred, 4 factor slots
 * }</pre>
 */
public final class DrainSequencer extends PipelinedUnit {
    /** A token's accumulators landed in a drain bank. */
    public final Signal land;
    /** The factor word, the cycle after the factor register loaded (null without a factor). */
    public final Signal factorValid;
    public final Signal factorData;
    /** A drain starts; a read issues; the token's last read; its bank; the read's group (G &gt; 1, else null). */
    public final Output start;
    public final Output issue;
    public final Output last;
    public final Output bank;
    public final Output group;
    /** The draining token's factor word (null without a factor). */
    public final Output factor;
    private final int factorSlots;

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
        this.factorSlots = factorSlots;
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
            Signal fValid = factorValid;
            Signal fData = factorData;
            StreamFifo<Signal> q = StreamFifo.of(Type.uint(factorBits), factorSlots, StreamFifo.Storage.REGISTERS);
            Inst fifo = instance("factor_fifo", q);
            Signal queued = fifo.out(q.out.valid());
            start = ready.and(queued.or(fValid)).named("drain_start");
            Signal head = Signal.mux(queued, fifo.out(q.out.data()), fData);
            // Pushed and popped only on enabled edges; the owner never overfills it (Schedule.run: factorSlots suffice).
            fifo.in(q.in.data(), fData)
                    .in(q.in.valid(), en.and(fValid.and(start.and(queued.not()).not())))
                    .in(q.out.ready(), en.and(start.and(queued)));
            Reg held = reg("factor_q", Type.uint(factorBits)).resetTo(0).enable(en.and(start));
            held.set(head);
            factorOut = Signal.mux(start, head, held);
        } else {
            start = ready.named("drain_start");
        }
        Signal up = landed.plus(1).truncate(2);
        Signal down = landed.minus(1).truncate(2).asUnsigned();
        landed.set(Signal.mux(land, Signal.mux(start, landed, up), Signal.mux(start, down, landed)));

        // ---- G reads on consecutive edges ------------------------------------------------------------------------------
        int gb = Math.max(1, 32 - Integer.numberOfLeadingZeros(groups - 1));
        Reg group = groups > 1 ? stageReg("group_q", Type.uint(gb)) : null;
        Signal issue = start.or(busy).named("drain_issue");
        Signal lastG = groups == 1 ? lit(1, Type.bool()) : group.eq(groups - 1);
        if (groups > 1) group.set(Signal.mux(issue, Signal.mux(lastG, lit(0, group.type()), group.plus(1).truncate(gb)), group));
        busy.set(issue.and(lastG.not()));
        Signal last = issue.and(lastG).named("drain_last");
        // The bank flips after a token's last read, so it names the draining token's bank for all G reads.
        Reg bank = stageReg("bank_q", Type.bool());
        bank.set(Signal.mux(last, bank.not(), bank));

        this.start = output("start", Type.bool());
        this.issue = output("issue", Type.bool());
        this.last = output("last", Type.bool());
        this.bank = output("bank", Type.bool());
        this.group = groups > 1 ? output("group", Type.uint(gb)) : null;
        this.factor = factorBits > 0 ? output("factor", Type.uint(factorBits)) : null;
        this.start.set(start);
        this.issue.set(issue);
        this.last.set(last);
        this.bank.set(bank);
        if (this.group != null) this.group.set(group);
        if (this.factor != null) this.factor.set(factorOut);
    }

    /** Factors this sequencer can hold between the factor register and the drain (0 without a factor). */
    public int factorSlots() { return factorSlots; }
}
