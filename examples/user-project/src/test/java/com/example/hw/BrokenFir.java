package com.example.hw;

import defernorm.hdl.Component;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/** A FIR tap with four mistakes in it, for {@link DesignErrorsTest}: what the elaborator tells you. */
final class BrokenFir extends Component {
    BrokenFir() {
        super("BrokenFir");
        Signal inValid = input("in_valid", Type.bool());
        Signal x = input("in_data", Type.sint(8));
        Signal p0 = x.times(200);                          // 200 does not fit SInt(8)
        Signal p1 = x.times(inValid);                      // SInt times UInt
        output("out_data", Type.sint(8)).set(p0);          // SInt(16) into SInt(8): never truncated silently
        output("out_valid", Type.bool());                  // never set
        debug("p1", p1);
    }
}
