package defernorm.examples;

import defernorm.hdl.Component;
import defernorm.hdl.Output;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A signed multiply-accumulate (int8-style for width 8): while {@code en} is high, {@code acc += a * b};
 * {@code clear} (which wins over {@code en}) resets the accumulator to 0. The accumulator has 4*width bits and
 * wraps on overflow. Its ports are public handles, so a parent connects an instance by them
 * ({@link MacPair}).
 */
public final class Mac extends Component {
    public final Signal clear, en, a, b;
    public final Output acc;

    public Mac(int width) {
        super("Mac_W" + width);
        int accWidth = 4 * width;
        clear = input("clear", Type.bool());
        en = input("en", Type.bool());
        a = input("a", Type.sint(width));
        b = input("b", Type.sint(width));
        Reg accQ = reg("acc_q", Type.sint(accWidth)).resetTo(0);
        Signal product = a.times(b).named("product");               // SInt(2*width)
        Signal sum = accQ.plus(product).truncate(accWidth);         // product is sign-extended: lossless
        when(clear, () -> accQ.set(lit(0, Type.sint(accWidth))))
                .elseWhen(en, () -> accQ.set(sum));
        acc = output("acc", Type.sint(accWidth));
        acc.set(accQ);
    }
}
