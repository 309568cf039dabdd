package defernorm.cosim.checks;

import defernorm.hdl.BlackBox;
import defernorm.hdl.Component;
import defernorm.hdl.Inst;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.CycleModel;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.Map;

/** Small designs with assertions, cover points and black boxes, shared by the tests of this package. */
final class CheckDesigns {
    private CheckDesigns() {}

    /** The line of the assertion in {@link Counting}, as the engines must report it. */
    static final int ASSERT_LINE = 30;

    /** Counts while {@code en}; asserts (only while counting) that the count stays below 5; covers count == 3. */
    static final class Counting extends Component {
        Counting() {
            super("Counting");
            Signal en = input("en", Type.bool());
            Reg count = reg("count_q", Type.uint(8)).resetTo(0);
            when(en, () -> count.set(count.plus(1).truncate(8)));
            output("count", Type.uint(8)).set(count);
            when(en, () -> {
                cover(count.eq(3), "three");
                assertThat(count.lt(5), "count stays below 5 while counting");   // ASSERT_LINE
            });
            cover(en, "enabled");
        }
    }

    /** Instantiates {@link Counting} as {@code u}, so names are hierarchical. */
    static final class Top extends Component {
        Top() {
            super("ChecksTop");
            Signal en = input("en", Type.bool());
            Inst u = instance("u", new Counting());
            u.in("en", en);
            output("count", Type.uint(8)).set(u.out("count"));
        }
    }

    static final String DELAY_VERILOG = """
            module Delay8 (
                input wire clk,
                input wire rst,
                input wire [7:0] d,
                output reg [7:0] q
            );
                always @(posedge clk) q <= rst ? 8'd0 : d + 8'd1;
            endmodule
            """;

    /** q = d + 1, one cycle later, in Verilog; with or without a behavioural model. */
    static final class Delay extends BlackBox {
        private final boolean withModel;

        Delay(boolean withModel) {
            super("Delay8", DELAY_VERILOG, true);
            this.withModel = withModel;
            input("d", Type.uint(8));
            output("q", Type.uint(8));
        }

        @Override protected CycleModel model() { return withModel ? new DelayModel() : null; }
    }

    /** The Java twin of {@link #DELAY_VERILOG}. */
    static final class DelayModel implements CycleModel {
        private long q;

        @Override public BigInteger output(String port) { return BigInteger.valueOf(q); }

        @Override public void edge(Map<String, BigInteger> inputs, boolean reset) {
            q = reset ? 0 : (inputs.get("d").longValue() + 1) & 0xFF;
        }
    }

    /** y = the black box's q plus 2 (so the black box sits inside our logic); {@code line[0]} = the instance line. */
    static final class WithBox extends Component {
        static int instanceLine;

        WithBox(boolean withModel) {
            super("WithBox");
            Signal d = input("d", Type.uint(8));
            Inst box = instance("box", new Delay(withModel)); instanceLine = new Throwable().getStackTrace()[0].getLineNumber();
            box.in("d", d);
            output("y", Type.uint(9)).set(box.out("q").plus(2));
        }
    }
}
