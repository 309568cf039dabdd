package defernorm.hdl.ir;

import java.math.BigInteger;
import java.util.List;

/**
 * A word-addressed memory with one synchronous write port ({@code wrEnable}, {@code wrAddr}, {@code wrData},
 * written on the rising edge of {@code clk}) and any number of {@link Node.MemRead} ports. {@code init}
 * holds the initial contents (unsigned bit patterns, length {@code depth}) or is empty. A memory has no reset.
 */
public record Memory(String name, int width, int depth, List<BigInteger> init,
                     String wrEnable, String wrAddr, String wrData, SourceLoc loc) {
    public Memory { init = List.copyOf(init); }

    /** Address width: enough bits for {@code depth - 1}, at least 1. */
    public int addrWidth() { return Type.bitsFor(depth - 1); }
}
