package defernorm.examples;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A signed multiply-accumulate (int8-style for width 8): while {@code en} is high, {@code acc += a * b};
 * {@code clear} (which wins over {@code en}) resets the accumulator to 0. The accumulator has 4*width bits and
 * wraps on overflow.
 */
public final class Mac extends Component {
    public Mac(int width) {
        super("Mac_W" + width);
        int accWidth = 4 * width;
        Signal clear = input("clear", Type.bool());
        Signal en = input("en", Type.bool());
        Signal a = input("a", Type.sint(width));
        Signal b = input("b", Type.sint(width));
        Reg acc = reg("acc_q", Type.sint(accWidth)).resetTo(0);
        Signal product = a.times(b).named("product");               // SInt(2*width)
        Signal sum = acc.plus(product.extend(accWidth)).truncate(accWidth);
        when(clear, () -> acc.set(lit(0, Type.sint(accWidth))))
                .elseWhen(en, () -> acc.set(sum));
        output("acc", Type.sint(accWidth)).set(acc);
    }
}
