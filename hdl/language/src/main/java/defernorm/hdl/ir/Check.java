package defernorm.hdl.ir;

/**
 * An assertion or a cover point of a module, sampled at each rising edge of {@code clk} while {@code rst} is
 * low and {@code enable} (the enclosing when-conditions; null: always) is high. An {@link Kind#ASSERT} fails
 * when {@code condition} is low; a {@link Kind#COVER} counts the edges where it is high. Checks exist only
 * in simulation: the emitted Verilog puts them inside {@code `ifndef SYNTHESIS}.
 *
 * <pre>{@code new Check(Check.Kind.ASSERT, "_assert_0", "ok", null, "count stays below 10", loc) }</pre>
 *
 * @param name      unique in its module: the user's cover name, or {@code _assert_<k>} for an assertion
 * @param condition a Bool net of the module
 * @param enable    a Bool net of the module, or null
 * @param message   what the user said: the assertion's message, or the cover point's description
 */
public record Check(Kind kind, String name, String condition, String enable, String message, SourceLoc loc) {
    public enum Kind { ASSERT, COVER }

    /** The same check at {@code at} (to compare netlists without source lines). */
    public Check withLoc(SourceLoc at) { return new Check(kind, name, condition, enable, message, at); }

    /** The same check with its own name and the nets it reads passed through {@code rename}. */
    public Check mapNames(java.util.function.UnaryOperator<String> rename) {
        return new Check(kind, rename.apply(name), rename.apply(condition), enable == null ? null : rename.apply(enable),
                message, loc);
    }

    /** The sentence a failed assertion ends a simulation with, both engines alike. */
    public String failure(long cycle) {
        return "Assertion failed in cycle " + cycle + " at " + loc + ": " + message;
    }
}
