package defernorm.accel.units;

import defernorm.cosim.Simulation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives a pipelined unit (ports {@code en}, {@code in_valid}, {@code out_valid}, plus data ports) with a
 * list of input items under random pipeline stalls ({@code en} low) and input gaps, and collects the data
 * outputs of every cycle with {@code en && out_valid}: exactly one output per item, in order.
 */
final class PipeRunner {
    private PipeRunner() {}

    static List<Map<String, BigInteger>> stream(Simulation sim, List<Map<String, BigInteger>> items, List<String> outs,
                                                Random rnd, double stall, double gap) {
        sim.poke("en", 1);
        sim.poke("in_valid", 0);
        sim.reset();
        List<Map<String, BigInteger>> got = new ArrayList<>();
        int next = 0;
        long limit = 100L * items.size() + 1000;
        for (long c = 0; got.size() < items.size(); c++) {
            assertTrue(c < limit, "the unit produced " + got.size() + " of " + items.size() + " outputs in " + limit + " cycles");
            boolean en = rnd.nextDouble() >= stall;
            boolean present = next < items.size() && rnd.nextDouble() >= gap;
            sim.poke("en", en ? 1 : 0);
            sim.poke("in_valid", present ? 1 : 0);
            if (present) items.get(next).forEach(sim::poke);
            if (en && sim.peek("out_valid").signum() != 0) {
                Map<String, BigInteger> row = new java.util.LinkedHashMap<>();
                for (String o : outs) row.put(o, sim.peek(o));
                got.add(row);
            }
            if (en && present) next++;
            sim.step();
        }
        return got;
    }

    /** With {@code en} high, an item presented on cycle 0 after reset appears on {@code out_valid} exactly {@code latency} cycles later. */
    static void assertLatency(Simulation sim, Map<String, BigInteger> item, int latency) {
        sim.poke("en", 1);
        sim.poke("in_valid", 0);
        sim.reset();
        item.forEach(sim::poke);
        sim.poke("in_valid", 1);
        int seen = -1;
        for (int c = 0; c <= latency + 2; c++) {
            if (sim.peek("out_valid").signum() != 0 && seen < 0) seen = c;
            sim.step();
            sim.poke("in_valid", 0);
        }
        assertEquals(latency, seen, "cycles from input to out_valid");
    }

    static BigInteger big(long v) { return BigInteger.valueOf(v); }

    /** Packs lane values (lane 0 low) into an unsigned bus of {@code width}-bit lanes. */
    static BigInteger pack(long[] lanes, int width) {
        BigInteger bus = BigInteger.ZERO;
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        for (int i = lanes.length - 1; i >= 0; i--) bus = bus.shiftLeft(width).or(BigInteger.valueOf(lanes[i]).and(mask));
        return bus;
    }

    /** Unpacks lane i of {@code width} bits, read as signed or unsigned. */
    static long lane(BigInteger bus, int i, int width, boolean signed) {
        BigInteger v = bus.shiftRight(i * width).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
        if (signed && v.testBit(width - 1)) v = v.subtract(BigInteger.ONE.shiftLeft(width));
        return v.longValueExact();
    }
}
