package defernorm.cosim.builtin;

import defernorm.cosim.random.ModuleBuilder;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A P x Q int8 MAC array written directly as IR: inputs x[p] and weights w[p][q] (SInt(8)), registered
 * products, an adder tree per column with one register stage, and enabled 32-bit accumulators with reset.
 */
final class MacArrays {
    private MacArrays() {}

    static Design build(int p, int q) {
        ModuleBuilder m = new ModuleBuilder("mac" + p + "x" + q);
        String en = m.input("en", Type.bool());
        List<String> x = new ArrayList<>();
        for (int i = 0; i < p; i++) x.add(m.input("x" + i, Type.sint(8)));
        String[][] w = new String[p][q];
        for (int i = 0; i < p; i++) for (int j = 0; j < q; j++) w[i][j] = m.input("w" + i + "_" + j, Type.sint(8));
        for (int j = 0; j < q; j++) {
            List<String> level = new ArrayList<>();
            for (int i = 0; i < p; i++) level.add(m.reg("prod" + i + "_" + j, m.binary(BinaryOp.MUL, x.get(i), w[i][j]), null, BigInteger.ZERO));
            while (level.size() > 1) {
                List<String> next = new ArrayList<>();
                for (int k = 0; k + 1 < level.size(); k += 2) next.add(m.binary(BinaryOp.ADD, level.get(k), level.get(k + 1)));
                if (level.size() % 2 == 1) next.add(m.resize(level.get(level.size() - 1), m.type(next.get(0)).width()));
                level = next;
            }
            String sum = m.reg("sum" + j, m.resize(level.get(0), 32), null, BigInteger.ZERO);
            String acc = m.reg("acc" + j, Type.sint(32), BigInteger.ZERO);
            m.connect(acc, m.resize(m.binary(BinaryOp.ADD, acc, sum), 32), en);
            m.output("y" + j, acc);
        }
        return new Design(m.name(), List.of(m.build()));
    }
}
