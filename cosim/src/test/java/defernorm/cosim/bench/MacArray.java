package defernorm.cosim.bench;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A P×Q int8 MAC array (benchmark design). Weights are loaded one row per cycle ({@code w_we},
 * {@code w_row}, {@code w_data}: Q int8 lanes) into registers {@code w_i_j}. Each cycle the array takes
 * P int8 activations on {@code x_k} (32-bit ports of 4 lanes, lane 0 in the low bits), registers the P·Q products, and when
 * {@code valid_q} (the registered {@code x_valid}) is high adds each column's sum into the 32-bit
 * accumulator {@code acc_j}; {@code clear} (registered, wins over valid) zeroes the accumulators.
 *
 * <pre>{@code
 * new MacArray(16, 16);                    // column sums as exact-width adder trees (the simulator bench's)
 * new MacArray(16, 16, ColumnSum.CHAIN);   // as 32-bit chains, the way the hand-written Verilog adds them
 * }</pre>
 */
public final class MacArray extends Component {
    /** How each column's P products are added before the accumulator. */
    public enum ColumnSum {
        /** A balanced tree whose nodes are exactly as wide as their sums (17, 18, ... bits), extended to 32 at the end. */
        TREE,
        /** Row after row into a 32-bit running sum (each addition truncated to 32 bits, which never overflows here). */
        CHAIN
    }

    public MacArray(int p, int q) { this(p, q, ColumnSum.TREE); }

    public MacArray(int p, int q, ColumnSum columnSum) {
        super("MacArray_" + p + "x" + q);
        Signal[] xPorts = new Signal[(p + 3) / 4];  // 32-bit ports of 4 lanes: batch values stay in a long
        for (int k = 0; k < xPorts.length; k++) xPorts[k] = input("x_" + k, Type.uint(8 * Math.min(4, p - 4 * k)));
        Signal xValid = input("x_valid", Type.bool());
        Signal clear = input("clear", Type.bool());
        Signal wWe = input("w_we", Type.bool());
        Signal wRow = input("w_row", Type.uint(rowBits(p)));
        Signal wData = input("w_data", Type.uint(8 * q));

        Reg validQ = reg("valid_q", Type.bool()).resetTo(0);
        validQ.set(xValid);
        Reg clearQ = reg("clear_q", Type.bool()).resetTo(0);
        clearQ.set(clear);

        Reg[][] prod = new Reg[p][q];
        for (int i = 0; i < p; i++) {
            Signal xi = xPorts[i / 4].slice(8 * (i % 4) + 7, 8 * (i % 4)).asSigned().named("xl_" + i);
            Signal rowSelected = wWe.and(wRow.eq(i)).named("w_load_" + i);
            for (int j = 0; j < q; j++) {
                Reg w = reg("w_" + i + "_" + j, Type.sint(8)).resetTo(0).enable(rowSelected);
                w.set(wData.slice(8 * j + 7, 8 * j).asSigned());
                prod[i][j] = reg("p_" + i + "_" + j, Type.sint(16)).resetTo(0);
                prod[i][j].set(xi.times(w));
            }
        }
        for (int j = 0; j < q; j++) {
            List<Signal> column = new ArrayList<>();
            for (int i = 0; i < p; i++) column.add(prod[i][j]);
            Signal colSum = (columnSum == ColumnSum.TREE ? tree(column) : chain(column)).named("col_sum_" + j);
            Reg acc = reg("acc_q_" + j, Type.sint(32)).resetTo(0);
            Signal sum = acc.plus(colSum.extend(32)).truncate(32);
            when(clearQ, () -> acc.set(lit(0, Type.sint(32)))).elseWhen(validQ, () -> acc.set(sum));
            output("acc_" + j, Type.sint(32)).set(acc);
        }
    }

    private static Signal tree(List<Signal> level) {
        while (level.size() > 1) {
            List<Signal> next = new ArrayList<>();
            for (int k = 0; k + 1 < level.size(); k += 2) next.add(level.get(k).plus(level.get(k + 1)));
            if (level.size() % 2 == 1) next.add(level.get(level.size() - 1).extend(next.get(0).width()));
            level = next;
        }
        return level.get(0);
    }

    private static Signal chain(List<Signal> column) {
        Signal sum = column.get(0).extend(32);
        for (int i = 1; i < column.size(); i++) sum = sum.plus(column.get(i).extend(32)).truncate(32);
        return sum;
    }

    static int rowBits(int p) { return Type.bitsFor(p - 1); }
}
