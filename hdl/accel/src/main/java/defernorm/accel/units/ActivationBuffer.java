package defernorm.accel.units;

import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

/**
 * The front every top shares (docs/microarchitecture.md, "One front for every variant"): a double-buffered
 * activation buffer (2 banks of NB words; token t uses bank t mod 2, counted from reset), the ingest's bank
 * bookkeeping and the one reader that feeds the array (or the standard variants' normalize lane).
 *
 * <p>Rules, edge for edge those of {@code Schedule.run}:
 * <ul>
 *   <li>ingest: {@code in_ready} is high while the receiving bank is free or the token already started; a
 *       bank is free again on the edge after the reader read the last beat of the token that used it.</li>
 *   <li>write: {@code wr_valid} writes {@code wr_data} at the next free address of the writing token's bank
 *       ({@code wr_last} on its last word).</li>
 *   <li>read: at most one read every G edges, each on an edge after its word was written; when it waits for
 *       the factor (standard) a token's first read waits until the token's factor is there (the edge after
 *       {@code factor_valid} at the earliest); a token's last read waits until the drain of the token that
 *       used its drain bank before (token t−2) has started ({@code drain_start}, on an earlier edge).</li>
 * </ul>
 * The read lands in the buffer read register: {@code rd_valid} (one cycle), {@code rd_last}, {@code rd_data}
 * and {@code rd_bank} (the read token's bank) hold from the read edge until the next read.
 *
 * <pre>{@code
 * ActivationBuffer b = new ActivationBuffer(8, 8, 64, false);   // ActivationBuffer_NB8_G8_W64
 * }</pre>
 */
public final class ActivationBuffer extends PipelinedUnit {
    /** The ingest: the accepted beat and its token's last beat; {@code in_ready} is not gated by {@code en}. */
    public final Signal inAccept, inLast;
    public final Output inReady;
    /** The write port: a beat per accepted input, possibly later than its handshake. */
    public final Beat wr;
    /** The token's factor is there (standard only, else null): one cycle after its factor register loaded. */
    public final Signal factorValid;
    /** The drain of a bank's previous token started. */
    public final Signal drainStart;
    /** The buffer read register ({@code rd_valid}, {@code rd_last}, {@code rd_data}) and its bank. */
    public final Beat rd;
    public final Output rdBank;

    /**
     * @param beats      NB: words per token (per bank)
     * @param groups     G: edges between two reads at least (the array's pace)
     * @param width      bits per word
     * @param waitFactor whether a token's first read waits for its factor (the standard variants)
     */
    public ActivationBuffer(int beats, int groups, int width, boolean waitFactor) {
        super("ActivationBuffer_NB" + beats + "_G" + groups + "_W" + width + (waitFactor ? "_F" : ""));
        if (beats < 1 || groups < 1 || width < 1) {
            throw new IllegalArgumentException("An activation buffer needs NB, G and a word width of at least 1, not NB="
                    + beats + ", G=" + groups + ", W=" + width + ".");
        }
        Signal en = en();
        int beatBits = Type.bitsFor(beats - 1);

        // ---- ingest: which bank receives, and whether it is free ----------------------------------------------
        inAccept = input("in_accept", Type.bool());
        inLast = input("in_last", Type.bool());
        Reg inBank = stageReg("in_bank", Type.bool());
        Reg inFirst = reg("in_first", Type.bool()).resetTo(1).enable(en);
        toggle(inBank, inAccept.and(inLast));
        inFirst.set(Signal.mux(inAccept, inLast, inFirst));
        // A bank is full from its token's first handshake to that token's last read; only a token's first beat
        // waits for it, the later beats follow into the bank the first one opened.
        Reg[] full = {stageReg("bank0_full", Type.bool()), stageReg("bank1_full", Type.bool())};
        Signal receivingFull = Signal.mux(inBank, full[1], full[0]);
        inReady = output("in_ready", inFirst.not().or(receivingFull.not()));

        // ---- write port --------------------------------------------------------------------------------------------
        wr = input("wr", Beat.of(Type.uint(width)));
        Signal wrEn = wr.valid(), wrLast = wr.last();
        Mem mem = memory("act_buf", width, 2 * beats);
        Reg wrBank = stageReg("wr_bank", Type.bool());
        Reg wrBeat = stageReg("wr_beat", Type.uint(beatBits));
        toggle(wrBank, wrEn.and(wrLast));
        wrBeat.set(wrapCount(wrBeat, wrEn, wrLast));
        mem.write(en.and(wrEn), address(wrBank, wrBeat, beats, mem.addrWidth()), wr.data());

        // ---- standard: whether each bank's token has its factor (tokens get their factors in order) ------------------
        factorValid = waitFactor ? input("factor_valid", Type.bool()) : null;
        Reg facBank = waitFactor ? stageReg("factor_bank", Type.bool()) : null;
        Reg[] facReady = waitFactor ? new Reg[] {stageReg("factor0_ready", Type.bool()), stageReg("factor1_ready", Type.bool())} : null;

        // ---- the reader --------------------------------------------------------------------------------------------------
        drainStart = input("drain_start", Type.bool());
        Reg rdBank = stageReg("rd_bank_next", Type.bool());
        Reg rdBeat = stageReg("rd_beat_next", Type.uint(beatBits));
        int availBits = Type.bitsFor(2 * beats);
        // Words are written and read in the same order (token by token, beat by beat), so "this word was
        // written" is a count of words written and not yet read.
        Reg avail = stageReg("words_ready", Type.uint(availBits));
        // A drain bank is reserved from a token's last read until its drain starts (it holds token t−2 till then).
        Reg drainTaken = stageReg("drain_taken", Type.bool());
        Reg[] drainBusy = {stageReg("drain0_busy", Type.bool()), stageReg("drain1_busy", Type.bool())};
        Signal rdLast = beats == 1 ? lit(1, Type.bool()) : rdBeat.eq(beats - 1);
        Wire issue = wire("rd_issue", Type.bool());
        Signal ok = avail.ne(0);
        if (groups > 1) ok = ok.and(pace(groups, issue));
        Signal busyHere = Signal.mux(rdBank, drainBusy[1], drainBusy[0]);
        ok = ok.and(rdLast.not().or(busyHere.not()));
        if (waitFactor) {
            Signal here = Signal.mux(rdBank, facReady[1], facReady[0]).or(factorValid.and(facBank.eq(rdBank)));
            ok = ok.and(rdBeat.ne(0).or(here));
        }
        issue.set(ok);
        Signal issueLast = issue.and(rdLast);
        toggle(rdBank, issueLast);
        rdBeat.set(wrapCount(rdBeat, issue, rdLast));
        upDown(avail, wrEn, issue);
        toggle(drainTaken, drainStart);
        for (int b = 0; b < 2; b++) {
            Signal isB = b == 0 ? rdBank.not() : rdBank;
            Signal drainB = b == 0 ? drainTaken.not() : drainTaken;
            drainBusy[b].set(Signal.mux(issueLast.and(isB), lit(1, Type.bool()), Signal.mux(drainStart.and(drainB), lit(0, Type.bool()), drainBusy[b])));
            Signal inB = b == 0 ? inBank.not() : inBank;
            full[b].set(Signal.mux(issueLast.and(isB), lit(0, Type.bool()),
                    Signal.mux(inAccept.and(inFirst).and(inB), lit(1, Type.bool()), full[b])));
        }
        if (waitFactor) {
            toggle(facBank, factorValid);
            // A token's first read takes its factor flag, on the same edge it arrives when the read bypasses it.
            Signal firstRead = issue.and(rdBeat.eq(0));
            for (int b = 0; b < 2; b++) {
                Signal isB = b == 0 ? rdBank.not() : rdBank;
                Signal load = factorValid.and(b == 0 ? facBank.not() : facBank);
                facReady[b].set(load.or(facReady[b]).and(firstRead.and(isB).not()));
            }
        }

        // ---- the buffer read register ---------------------------------------------------------------------------------
        Signal data = mem.read("rd_data_q", address(rdBank, rdBeat, beats, mem.addrWidth()), en.and(issue));
        Reg heldBank = stageReg("rd_bank_q", Type.bool());
        heldBank.set(Signal.mux(issue, rdBank, heldBank));
        rd = output("rd", Beat.of(Type.uint(width)));
        rd.valid().set(stage("rd_valid_q", issue));
        rd.last().set(stage("rd_last_q", issueLast));
        rd.data().set(data);
        this.rdBank = output("rd_bank", heldBank);
    }

    /** High when at least {@code groups} enabled edges passed since the last read {@code issue} (always before the first). */
    private Signal pace(int groups, Signal issue) {
        int bits = Type.bitsFor(groups);
        Reg since = reg("rd_since", Type.uint(bits)).resetTo(groups).enable(en());
        Signal ok = since.eq(groups);
        since.set(Signal.mux(issue, lit(1, since.type()), Signal.mux(ok, since, since.plus(1).truncate(bits))));
        return ok;
    }

    /** Word address of beat {@code beat} of bank {@code bank}: {@code bank·NB + beat}. */
    private Signal address(Signal bank, Signal beat, int beats, int bits) {
        Signal b = beat.width() >= bits ? beat : beat.extend(bits);
        Signal hi = b.plus(beats).truncate(bits);
        return Signal.mux(bank, hi, b);
    }
}
