package defernorm.accel.tops;

import defernorm.accel.units.WritePort;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Decodes the configuration write port against the top's {@link ConfigMap}: which region a write hits, the
 * address inside it, the data word, and the constant word's register.
 *
 * <pre>{@code
 * Signal we = decode.hit(map.biasBase(), map.biasWords());   // a bias word is written
 * Signal eps = decode.constantWord(NormFactorUnit.EPS_BITS);
 * }</pre>
 */
final class ConfigDecode {
    private final TopShell top;
    private final ConfigMap map;
    private final TopOutside ports;
    private Reg constant;

    ConfigDecode(TopShell top, ConfigMap map, TopOutside ports) {
        this.top = top;
        this.map = map;
        this.ports = ports;
    }

    /** High when a configuration word for addresses [base, base+count) is written. */
    Signal hit(int base, int count) {
        Signal lo = base == 0 ? top.constant(1, Type.bool()) : ports.io.cfg().addr().ge(base);
        Signal hi = base + count > (1L << map.addrBits()) - 1 ? top.constant(1, Type.bool()) : ports.io.cfg().addr().lt(base + count);
        return ports.io.cfg().we().and(lo).and(hi);
    }

    /** The configuration address relative to {@code base}, {@code bits} wide. */
    Signal local(int base, int bits) {
        Signal rel = base == 0 ? ports.io.cfg().addr() : ports.io.cfg().addr().minus(base).asUnsigned();
        return rel.resize(bits);
    }

    /**
     * What a memory's write port {@code port} (a unit's {@link WritePort}, for its widths) gets from the
     * configuration region [base, base+words): the hit, the local address and the data word.
     */
    WritePort writePort(int base, int words, WritePort port) {
        return new WritePort(hit(base, words), local(base, port.addr().width()), word(port.data().width()));
    }

    /** The low {@code bits} of {@code cfg_wdata}. */
    Signal word(int bits) {
        return ports.io.cfg().wdata().resize(bits);
    }

    /**
     * The constant word (E or L), held in one register loaded by its configuration write. Like the weight and
     * bias memories it has no reset: configuration survives {@code rst}, which clears only the datapath's
     * state (docs/microarchitecture.md, "Reset").
     */
    Signal constantWord(int bits) {
        if (constant == null) {
            constant = top.newReg("cfg_const", Type.uint(ConfigMap.CONST_BITS)).enable(hit(map.constAddr(), 1));
            constant.set(word(ConfigMap.CONST_BITS));
        }
        return constant.resize(bits);
    }
}
