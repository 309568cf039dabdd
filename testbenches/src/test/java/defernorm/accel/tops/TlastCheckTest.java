package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Elaborator;
import org.junit.jupiter.api.Test;

/** The tops count input beats; a {@code s_axis_tlast} on the wrong beat raises the sticky debug net {@code tlast_error}. */
class TlastCheckTest {
    @Test
    void aMisplacedTlastIsRecorded() {
        Params p = new Params(8, 4, 2, 2, 0);   // NB = 4
        for (Variant v : Variant.values()) {
            try (Simulation sim = Simulations.open(Elaborator.elaborate(TopGenerator.generate(Op.RMSNORM, v, p)), SimOptions.builtin())) {
                sim.poke("m_axis_tready", 1);
                sim.reset();
                sim.poke("s_axis_tvalid", 1);
                sim.poke("s_axis_tdata", 0x0102);
                sim.poke("s_axis_tlast", 0);
                sim.step();                                  // beat 0, no tlast: right
                assertEquals(0, sim.peekLong("tlast_error"), v.name());
                sim.poke("s_axis_tlast", 1);
                for (int i = 0; i < 8 && sim.peekLong("s_axis_tready") == 0; i++) sim.step();
                sim.step();                                  // beat 1 with tlast: wrong
                assertEquals(1, sim.peekLong("tlast_error"), v.name());
            }
        }
    }
}
