package defernorm.examples;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A free-running counter with enable: counts up while {@code en} is high and wraps to 0 after
 * 2^width - 1; {@code wrap} is high in the cycle the counter wraps.
 */
public final class Counter extends Component {
    public Counter(int width) {
        super("Counter_W" + width);
        Signal en = input("en", Type.bool());
        Reg count = reg("count_q", Type.uint(width)).resetTo(0);
        when(en, () -> count.set(count.plus(1).truncate(width)));
        output("count", Type.uint(width)).set(count);
        output("wrap", Type.bool()).set(en.and(count.andReduce()));
    }
}
