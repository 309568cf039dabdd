package defernorm.cosim.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.random.ModuleBuilder;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Registers read by registers at the edge (delay lines, a swap loop, an enable or a memory port driven by a
 * register, a register loading a memory read) still behave like non-blocking assignments, although most are
 * updated in place: checked cycle by cycle against a model computing every next value from the old state.
 */
class RegisterUpdateTest {
    @Test
    void registerToRegisterPathsSeeTheOldValues() {
        ModuleBuilder m = new ModuleBuilder("regs");
        String in = m.input("in", Type.uint(8));
        String en = m.input("en", Type.bool());
        String r1 = m.reg("r1", in, null, BigInteger.ZERO);
        String w1 = m.wire("w1", r1);                           // a rename: r2 reads r1's slot
        String r2 = m.reg("r2", w1, null, BigInteger.ZERO);
        String r3 = m.reg("r3", r2, null, null);
        m.reg("a", Type.uint(8), BigInteger.ONE);                // a and b swap: a loop of register reads
        m.reg("b", Type.uint(8), BigInteger.TWO);
        m.connect("a", "b", null);
        m.connect("b", "a", null);
        String re = m.reg("re", en, null, BigInteger.ZERO);      // an enable that is a register
        String g = m.reg("g", r1, re, BigInteger.ZERO);
        m.reg("h", Type.uint(8), BigInteger.valueOf(5));        // holds itself unless enabled
        m.connect("h", "r3", "re");
        m.memory("mem", 8, 4, List.of(), re, m.slice(r1, 1, 0), r2);   // write port driven by registers
        String rd = m.memRead("rd", "mem", false, m.slice(r2, 1, 0), null);
        String q = m.reg("q", rd, null, BigInteger.ZERO);
        for (String net : List.of(r1, r2, r3, "a", "b", re, g, "h", rd, q)) m.output("o_" + net, net);
        Design d = new Design("regs", List.of(m.build()));

        Random rnd = new Random(3);
        long vr1 = 0, vr2 = 0, vr3 = 0, va = 1, vb = 2, vre = 0, vg = 0, vh = 5, vrd = 0, vq = 0;
        long[] mem = new long[4];
        try (Simulation sim = new BuiltinSimulation(d, SimOptions.builtin())) {
            sim.poke("in", 0);
            sim.poke("en", 0);
            sim.reset();
            for (int cycle = 0; cycle < 200; cycle++) {
                long vin = rnd.nextInt(256), ven = rnd.nextInt(2);
                sim.poke("in", vin);
                sim.poke("en", ven);
                long[] actual = {sim.peekLong("o_r1"), sim.peekLong("o_r2"), sim.peekLong("o_r3"), sim.peekLong("o_a"),
                        sim.peekLong("o_b"), sim.peekLong("o_re"), sim.peekLong("o_g"), sim.peekLong("o_h"),
                        sim.peekLong("o_rd"), sim.peekLong("o_q")};
                long[] expected = {vr1, vr2, vr3, va, vb, vre, vg, vh, vrd, vq};
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], "register " + i + " at cycle " + cycle);
                }
                sim.step();
                long nrd = mem[(int) (vr2 & 3)];                 // read-first: the word before this edge's write
                if (vre != 0) mem[(int) (vr1 & 3)] = vr2;
                long ng = vre != 0 ? vr1 : vg, nh = vre != 0 ? vr3 : vh;
                vq = vrd; vrd = nrd; vh = nh; vg = ng; vre = ven;
                long t = va; va = vb; vb = t;
                vr3 = vr2; vr2 = vr1; vr1 = vin;
            }
        }
    }
}
