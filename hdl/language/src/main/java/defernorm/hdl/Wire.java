package defernorm.hdl;

/**
 * A named, assignable net. It may be set conditionally, but then needs an unconditional default set before
 * the {@code when}; otherwise it would infer a latch, which is an error.
 *
 * <pre>{@code
 * Wire sel = wire("sel", Type.uint(2));
 * sel.set(lit(0, Type.uint(2)));            // default
 * when(go, () -> sel.set(lit(3, Type.uint(2))));
 * }</pre>
 */
public final class Wire extends Signal {
    Wire(Net net) { super(net); }
}
