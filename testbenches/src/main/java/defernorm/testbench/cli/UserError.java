package defernorm.testbench.cli;

/**
 * A problem the user can fix (bad input, missing tool, unwritable folder): printed as one sentence, exit 2,
 * never a stack trace.
 *
 * <pre>{@code throw new UserError("input.json: \"x\" must be a list of tokens, each a list of n = 64 numbers.");}</pre>
 */
public final class UserError extends RuntimeException {
    public UserError(String sentence) { super(sentence); }

    public UserError(String sentence, Throwable cause) { super(sentence, cause); }
}
