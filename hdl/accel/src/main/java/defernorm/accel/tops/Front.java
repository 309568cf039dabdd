package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.accel.units.ActivationBuffer;
import defernorm.accel.units.BankSlots;
import defernorm.accel.units.Flow;
import defernorm.golden.model.Variant;
import defernorm.hdl.Bits;
import defernorm.hdl.Inst;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import defernorm.hdl.ir.Type;
import java.util.List;

/**
 * The front every variant shares: an {@link ActivationBuffer} and the line-rate ingest from {@code s_axis}
 * ({@code s_axis_tready} is the buffer's bank rule, gated by {@code en}), with the input beat counter and the
 * input register (the reduction's input); {@code accept} is the input handshake, {@code last} high on a token's
 * last input beat. The caller connects the buffer's write port (and, standard, its
 * {@code factor_valid} through {@link #sideWord}); the drain connects its drain-bank rule.
 *
 * <pre>{@code
 * Front f = Front.build(top, prm.p() * Formats.DATA_BITS);
 * f.writeAtHandshake(s.tdata());
 * Beat in = f.inputRegister();   // to the reduction
 * Beat x = f.read();             // to the MAC array
 * }</pre>
 */
record Front(TopShell top, Inst buffer, ActivationBuffer unit, Signal accept, Signal last) {

    /** Builds the buffer of {@code width}-bit words and the ingest into {@code top}. */
    static Front build(TopShell top, int width) {
        ActivationBuffer unit = new ActivationBuffer(top.nb(), top.groups(), width, top.variant == Variant.STANDARD);
        Inst buf = top.pipelined("front", unit);
        Signal ready = buf.out(unit.inReady).and(top.en).named("in_ready");
        top.s.tready().set(ready);
        Signal accept = top.s.tvalid().and(ready).named("in_accept");
        Signal last = inputBeatCounter(top, accept);
        buf.in(unit.inAccept, accept).in(unit.inLast, last);
        return new Front(top, buf, unit, accept, last);
    }

    /** Writes each accepted beat into the buffer at its handshake edge (write depth 0). */
    void writeAtHandshake(Signal data) { write(accept, last, data); }

    /** Writes a beat into the buffer ({@code valid}: on this edge; {@code last}: the token's last beat). */
    void write(Signal valid, Signal last, Signal data) {
        top.connectPorts(buffer.port(unit.wr), new Beat(valid, last, data));
    }

    /** The drain of a bank's previous token started (frees the bank's last read). */
    void drainStarts(Signal start) { buffer.in(unit.drainStart, start); }

    /** The buffer read register's beat (loaded on the read edge). */
    Beat read() { return buffer.port(unit.rd); }

    /** The input register (the reduction's input): loads the accepted beat at its handshake edge. */
    Beat inputRegister() {
        Reg data = top.newReg("in_data_q", top.s.tdata().type()).resetTo(0).enable(top.en.and(accept));
        data.set(top.s.tdata());
        return new Beat(top.stage("in_valid_q", accept), top.stage("in_last_q", accept.and(last)), data);
    }

    /**
     * Standard: the token's side fields (factor, exponent, S1 or the final max) into its bank's slot, packed in
     * one word, when the factor is there ({@code valid}: the cycle after the factor register loaded), which also
     * lets the reader start the token; returns the fields of the slot of the beat in the buffer read register.
     */
    List<Signal> sideWord(Signal valid, List<Signal> fields) {
        buffer.in(unit.factorValid, valid);
        Vec<Signal> word = Vec.from(fields);
        BankSlots side = new BankSlots(Bits.width(word));
        Inst slots = top.pipelined("side", side);
        top.connectPorts(slots.port(side.wr), new Flow(valid, Bits.pack(word)));
        slots.in(side.rdBank, buffer.out(unit.rdBank));
        return Bits.unpack(word, slots.out(side.rdData)).asList();
    }

    /**
     * Counts accepted input beats of a token; returns high on the token's last beat (combinational).
     * A debug flag {@code tlast_error} records a {@code s_axis_tlast} that disagrees with the count.
     */
    private static Signal inputBeatCounter(TopShell top, Signal accept) {
        int nb = top.nb();
        int bits = Type.bitsFor(nb - 1);
        Reg cnt = top.newReg("in_beat", Type.uint(bits)).resetTo(0).enable(top.en.and(accept));
        Signal last = nb == 1 ? top.constant(1, Type.bool()) : cnt.eq(nb - 1);
        cnt.set(nb == 1 ? cnt : Signal.mux(last, top.constant(0, cnt.type()), cnt.plus(1).truncate(bits)));
        Reg err = top.newReg("tlast_err_q", Type.bool()).resetTo(0).enable(top.en);
        err.set(err.or(accept.and(top.s.tlast().ne(last))));
        top.debugSignal("tlast_error", err);
        return last.named("in_last_beat");
    }
}
