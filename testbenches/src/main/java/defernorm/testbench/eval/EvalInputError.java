package defernorm.testbench.eval;

/** The eval input is malformed or has the wrong shape: one sentence naming the file and field. */
public final class EvalInputError extends IllegalArgumentException {
    public EvalInputError(String sentence) { super(sentence); }
}
