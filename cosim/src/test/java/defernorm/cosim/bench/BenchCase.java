package defernorm.cosim.bench;

import defernorm.cosim.Simulation;
import defernorm.hdl.ir.Design;
import java.util.List;

/**
 * One benchmark design with everything needed to drive it the same way on every engine: the inputs
 * that get random stimulus each cycle (all at most 32 bits wide), the outputs checked each cycle, a
 * setup (reset and any configuration) run before each measurement, and a Java reference model.
 */
interface BenchCase {
    String name();

    String title();

    Design design();

    List<String> inputs();

    List<Integer> inputWidths();

    List<String> outputs();

    List<Integer> outputWidths();

    /** Reset plus configuration; afterwards every input not in {@link #inputs()} is 0. */
    void setup(Simulation sim);

    /** Verilog statements doing the same as {@link #setup} in a testbench ({@code clk}, {@code rst} regs). */
    String setupVerilog();

    /** A reference model starting from the state {@link #setup} leaves. */
    Model newModel();

    /** The design's behaviour in Java: checks a cycle's outputs, then advances with that cycle's inputs. */
    interface Model {
        /** Returns false when an output differs from the model. */
        boolean check(long[] outputs);

        void advance(long[] inputs);
    }
}
