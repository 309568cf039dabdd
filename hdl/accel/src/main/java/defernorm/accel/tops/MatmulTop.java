package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.accel.units.MacArray;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;

/**
 * The matmul-only top (the latency floor): the common front (line-rate ingest into the double-buffered
 * activation buffer, one read per G cycles into the MAC array), the drain and the output stage
 * ({@code sat32(acc + bias)}), Q lanes per beat. The op only names the top: without normalization all three
 * ops are the same datapath.
 */
final class MatmulTop extends TopShell {
    MatmulTop(Op op, Params prm, Placement placement) {
        super(op, Variant.MATMUL, prm, placement, TopName.tile(op, Variant.MATMUL, prm, placement));
        Front f = Front.build(this, prm.p() * Formats.DATA_BITS);
        f.writeAtHandshake(s.tdata());
        Beat x = f.read();
        MacArray array = new MacArray(MacArray.Config.int8(prm.n(), prm.m(), prm.p(), prm.q()));
        PlacedArray mac = macArray(array);
        mac.feed(x.valid(), x.data());
        int output = DrainStage.standard(this, mac, f, 0);
        built(new PipelineDepths(0, 0, 0, ARRAY_ACCEPT, array.latency(), output, 0));
    }
}
