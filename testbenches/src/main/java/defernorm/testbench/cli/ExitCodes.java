package defernorm.testbench.cli;

/** The CLI's exit codes: 0 pass, 1 mismatch found, 2 bad input or environment. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int PASS = 0;
    public static final int MISMATCH = 1;
    public static final int BAD_INPUT = 2;
}
