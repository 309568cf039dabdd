package defernorm.cosim.bench;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A pipelined adder tree over N int8 inputs on {@code x_k} (32-bit ports of 4 lanes; N a power of two): the inputs are
 * registered ({@code l0_i}), then each level adds pairs into one register per node ({@code lK_i}, one
 * bit wider per level), so {@code sum} is the total of the inputs of {@code log2(N) + 1} cycles ago;
 * {@code sum_valid} follows {@code valid} through the same stages.
 */
public final class AdderTree extends Component {
    public AdderTree(int n) {
        super("AdderTree_" + n);
        Signal[] xPorts = new Signal[(n + 3) / 4];  // 32-bit ports of 4 lanes: batch values stay in a long
        for (int k = 0; k < xPorts.length; k++) xPorts[k] = input("x_" + k, Type.uint(8 * Math.min(4, n - 4 * k)));
        Signal valid = input("valid", Type.bool());
        Signal[] level = new Signal[n];
        for (int i = 0; i < n; i++) {
            Reg r = reg("l0_" + i, Type.sint(8)).resetTo(0);
            r.set(xPorts[i / 4].slice(8 * (i % 4) + 7, 8 * (i % 4)).asSigned());
            level[i] = r;
        }
        Reg v = reg("v0", Type.bool()).resetTo(0);
        v.set(valid);
        Signal validAt = v;
        for (int k = 1; level.length > 1; k++) {
            Signal[] next = new Signal[level.length / 2];
            for (int i = 0; i < next.length; i++) {
                Reg r = reg("l" + k + "_" + i, Type.sint(8 + k)).resetTo(0);
                r.set(level[2 * i].plus(level[2 * i + 1]));
                next[i] = r;
            }
            Reg vk = reg("v" + k, Type.bool()).resetTo(0);
            vk.set(validAt);
            validAt = vk;
            level = next;
        }
        output("sum", level[0].type()).set(level[0]);
        output("sum_valid", Type.bool()).set(validAt);
    }

    /** Cycles from an input to its sum at the output. */
    static int latency(int n) { return Integer.numberOfTrailingZeros(n) + 1; }
}
