package defernorm.cosim.verilator;

/**
 * Command bytes and constants of the harness protocol (docs/cosim-protocol.md). All integers are
 * little-endian; values travel as 32-bit words.
 */
final class Protocol {
    private Protocol() {}

    /** The 4 bytes the harness sends first, followed by its net count as a u32. */
    static final byte[] HELLO = {'D', 'N', 'V', '1'};

    static final byte POKE = 1;   // u32 net, words            -> nothing
    static final byte PEEK = 2;   // u32 net                   -> words
    static final byte STEP = 3;   // u64 cycles                -> nothing
    static final byte RESET = 4;  // u64 cycles                -> nothing
    static final byte BATCH = 5;  // u32 nIn, u32 nOut, u64 cycles, u32 in[nIn], u32 out[nOut], rows -> rows
    static final byte WAVES = 6;  // u32 len, path bytes (len 0 stops) -> u32 status
    static final byte QUIT = 7;   // -> the harness exits 0
    static final byte BENCH = 9;  // u64 cycles, u64 seed, u32 nIn, u32 nOut, in[], out[] -> u64 ns, u64 checksum

    /** WAVES status: the model was built without --trace. */
    static final int WAVES_NOT_BUILT = 1;
    /** WAVES status: the file could not be opened. */
    static final int WAVES_CANNOT_OPEN = 2;
}
