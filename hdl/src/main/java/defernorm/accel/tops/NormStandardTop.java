package defernorm.accel.tops;

import defernorm.accel.units.MacArray;
import defernorm.accel.units.NormRequantize;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;

/**
 * LayerNorm/RMSNorm standard: a token's beats are accepted at full rate into the activation buffer
 * (NB words of P int8) and the reduction; once the factor r is known the buffer is read back one beat per
 * G cycles, each lane normalized {@code u = (n·x − S1)·r} (RMSNorm {@code n·x·r}) and requantized
 * {@code a = sat8(roundShift(u, 31 + e − 4))} by a {@link NormRequantize} whose last register is the MAC
 * array's input register; the drained accumulators leave as {@code sat32((acc << 4) + bias)}. One buffer:
 * the next token is accepted on the edge after the previous token's last buffer read.
 */
final class NormStandardTop extends NormTop {
    NormStandardTop(Op op, Params prm) {
        super(op, Variant.STANDARD, prm);
        ActivationBuffer buf = new ActivationBuffer();
        NormFactor f = normFactor(buf.in.valid(), buf.in.last(), buf.in.data(), false);
        Beat x = buf.readBack(f.valid());

        int s1Bits = centered() ? f.s1().width() : 0;
        Inst norm = instance("normalize", new NormRequantize(op, prm.n(), prm.p(), s1Bits, false));
        norm.in("en", en).in("in_valid", x.valid()).in("in_last", x.last()).in("in_x", x.data())
                .in("in_r", f.value()).in("in_exp", f.exp());
        if (centered()) norm.in("in_s1", f.s1());

        MacArray.Config cfg = MacArray.Config.int8(prm.n(), prm.m(), prm.p(), prm.q());
        Inst mac = macArray(cfg);
        mac.in("in_valid", norm.out("out_valid")).in("in_act", norm.out("out_a"));
        standardOutput(mac, cfg.accBits(), Formats.NORM_OUT_FRAC - Formats.NORM_ACT_FRAC);
    }
}
