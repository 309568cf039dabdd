package com.example.hw;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A 4-tap FIR filter, {@code y[n] = c0·x[n] + c1·x[n-1] + c2·x[n-2] + c3·x[n-3]}, on signed 8-bit samples and
 * coefficients. A sample is taken in each cycle {@code in_valid} is high; its output appears on the next cycle,
 * with {@code out_valid} high. Nothing is lost to rounding: the output is wide enough for every sum.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(new Fir(1, 3, 3, 1));
 * }</pre>
 */
public final class Fir extends Component {
    public static final int TAPS = 4;
    public static final int SAMPLE_BITS = 8;
    /** Products of two 8-bit numbers are 16 bits; each of the two levels of the adder tree adds one. */
    public static final int OUT_BITS = 2 * SAMPLE_BITS + 2;

    /** @param coeffs the four coefficients, c0 first, each in -128..127 */
    public Fir(int... coeffs) {
        super("Fir4_" + nameOf(coeffs));
        if (coeffs.length != TAPS) {
            throw new IllegalArgumentException("a 4-tap FIR needs 4 coefficients, not " + coeffs.length);
        }
        Type sample = Type.sint(SAMPLE_BITS);
        Signal inValid = input("in_valid", Type.bool());
        Signal x = input("in_data", sample);

        // x[n-1], x[n-2], x[n-3]: three registers (past_0 .. past_2), shifted when a sample arrives.
        Vec<Signal> past = reg("past", Vec.of(TAPS - 1, sample), 0);
        when(inValid, () -> {
            past.get(0).set(x);
            for (int k = 1; k < TAPS - 1; k++) past.get(k).set(past.get(k - 1));
        });

        // The window x[n] .. x[n-3] times the coefficients: each product is SInt(16), because a constant takes
        // the type of the signal it meets (SInt(8)) and must fit there. reduce() adds them as a balanced tree:
        // SInt(16) + SInt(16) is SInt(17), SInt(17) + SInt(17) is SInt(18). Nothing can overflow.
        List<Signal> window = new ArrayList<>(List.of(x));
        window.addAll(past.asList());
        Signal sum = Vec.from(window).mapIndexed((k, s) -> s.times(coeffs[k])).reduce(Signal::plus).named("sum");

        Reg y = reg("y_q", Type.sint(OUT_BITS)).resetTo(0).enable(inValid);
        y.set(sum);
        Reg valid = reg("valid_q", Type.bool()).resetTo(0);
        valid.set(inValid);
        output("out_data", Type.sint(OUT_BITS)).set(y);
        output("out_valid", Type.bool()).set(valid);
    }

    /** The coefficients in the module name, so two filters with different ones are two Verilog modules. */
    private static String nameOf(int[] coeffs) {
        return Arrays.stream(coeffs).mapToObj(c -> c < 0 ? "m" + -c : Integer.toString(c)).collect(Collectors.joining("_"));
    }
}
