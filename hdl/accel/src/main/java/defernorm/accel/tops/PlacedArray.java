package defernorm.accel.tops;

import defernorm.accel.units.MacArray;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;

/**
 * The MAC array placed in a top (instance {@code mac}, its weights and enable already connected): what the
 * front feeds it and what the drain reads from it, through the unit's typed ports.
 *
 * <pre>{@code
 * PlacedArray mac = macArray(new MacArray(MacArray.Config.int8(n, m, p, q)));
 * mac.feed(x.valid(), x.data());
 * }</pre>
 */
record PlacedArray(Inst inst, MacArray unit) {

    /** The beats into the array's input register. */
    void feed(Signal valid, Signal act) {
        inst.in(unit.inValid, valid).in(unit.inAct, act);
    }

    /** The beats into the array's input register, each with its rescale shift. */
    void feed(Signal valid, Signal act, Signal shift) {
        feed(valid, act);
        inst.in(unit.inShift, shift);
    }

    Signal drainValid() { return inst.out(unit.drainValid); }

    /** The drain read's address: bank, and group (null for G = 1). */
    void read(Signal bank, Signal group) {
        inst.in(unit.rdBank, bank);
        if (group != null) inst.in(unit.rdGroup, group);
    }

    /** The group read from a drain bank. */
    Signal readData() { return inst.out(unit.rdData); }

    int accBits() { return unit.config().accBits(); }
}
