package defernorm.examples;

import defernorm.hdl.Inst;
import defernorm.hdl.Component;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Two {@link Mac} children sharing {@code clear} and {@code en}, and the sum of their accumulators: a module
 * with submodules (the child module is emitted once), connected through the children's port handles.
 */
public final class MacPair extends Component {
    public MacPair() {
        super("MacPair");
        Signal clear = input("clear", Type.bool());
        Signal en = input("en", Type.bool());
        Signal a0 = input("a0", Type.sint(8));
        Signal b0 = input("b0", Type.sint(8));
        Signal a1 = input("a1", Type.sint(8));
        Signal b1 = input("b1", Type.sint(8));
        Mac m0 = new Mac(8), m1 = new Mac(8);
        Inst mac0 = instance("mac0", m0);
        mac0.in(m0.clear, clear).in(m0.en, en).in(m0.a, a0).in(m0.b, b0);
        Inst mac1 = instance("mac1", m1);
        mac1.in(m1.clear, clear).in(m1.en, en).in(m1.a, a1).in(m1.b, b1);
        Signal acc0 = mac0.out(m0.acc);
        Signal acc1 = mac1.out(m1.acc);
        output("acc0", Type.sint(32)).set(acc0);
        output("acc1", Type.sint(32)).set(acc1);
        output("total", Type.sint(33)).set(acc0.plus(acc1));
    }
}
