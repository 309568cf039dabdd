package defernorm.testbench.check;

import java.math.BigInteger;

/**
 * One word written through a top's configuration port ({@code cfg_we}, {@code cfg_addr}, {@code cfg_wdata}).
 *
 * <pre>{@code new ConfigWrite(0, BigInteger.valueOf(0x7f01))}</pre>
 *
 * @param address the word address in the top's configuration map (see its sidecar JSON)
 * @param data    the word as an unsigned bit pattern
 */
public record ConfigWrite(long address, BigInteger data) {
    public ConfigWrite {
        if (address < 0) throw new IllegalArgumentException("a configuration address cannot be negative: " + address);
        if (data.signum() < 0) throw new IllegalArgumentException("configuration words are unsigned bit patterns: " + data);
    }
}
