package defernorm.hdl.emit;

import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;

/**
 * A small state machine written with the language, for what its enum constants become in Verilog
 * ({@code localparam}s such as {@code Phase_RUN}): idle until {@code go}, then load, run until {@code stop}, done.
 */
final class EnumFsm extends Component {
    enum Phase { IDLE, LOAD, RUN, DONE }

    private EnumFsm() {
        super("EnumFsm");
        Signal go = input("go", Type.bool());
        Signal stop = input("stop", Type.bool());
        Reg phase = reg("phase_q", Phase.class).resetTo(Phase.IDLE);
        switchOn(phase)
                .is(Phase.IDLE, () -> when(go, () -> phase.set(lit(Phase.LOAD))))
                .is(Phase.LOAD, () -> phase.set(lit(Phase.RUN)))
                .is(Phase.RUN, () -> when(stop, () -> phase.set(lit(Phase.DONE))))
                .otherwise(() -> phase.set(lit(Phase.IDLE)));
        output("busy", Type.bool()).set(phase.is(Phase.RUN));
        output("phase", Phase.class).set(phase);
    }

    static Design design() { return Elaborator.elaborate(new EnumFsm()); }
}
