package defernorm.hdl.ir;

import java.math.BigInteger;
import java.util.Map;

/**
 * A Java behavioural model of a black box, for the built-in engine. Its outputs are registered: they depend
 * only on the model's state, which changes at rising clock edges. Values are the ports' values as their
 * types read them (negative for a signed port with its top bit set).
 *
 * <pre>{@code
 * final class CounterModel implements CycleModel {        // counts the edges where "en" is high
 *     private long count;
 *     public BigInteger output(String port) { return BigInteger.valueOf(count); }
 *     public void edge(Map<String, BigInteger> in, boolean reset) {
 *         count = reset ? 0 : (count + in.get("en").longValue()) & 0xFF;
 *     }
 * }
 * }</pre>
 */
public interface CycleModel {
    /** The current value of output {@code port} (it must fit the port's type). */
    BigInteger output(String port);

    /** One rising edge of {@code clk}: {@code inputs} maps every input port to its settled value. */
    void edge(Map<String, BigInteger> inputs, boolean reset);
}
