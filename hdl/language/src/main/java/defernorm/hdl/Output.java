package defernorm.hdl;

/**
 * An output port: drive it with {@link #set(Signal)} (exactly once per block; conditionally only after an
 * unconditional default). It can also be read like any signal.
 *
 * <pre>{@code output("count", Type.uint(8)).set(count); }</pre>
 */
public final class Output extends Signal {
    Output(Net net) { super(net); }
}
