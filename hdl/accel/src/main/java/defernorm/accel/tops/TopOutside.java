package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.golden.model.Params;
import defernorm.hdl.AxiStream;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

/**
 * The ports every top shares (docs/microarchitecture.md): the configuration write port
 * ({@code cfg_we}, {@code cfg_addr}, {@code cfg_wdata}), {@code s_axis_*} (P int8 lanes) and, outside a
 * tile, {@code m_axis_*} (Q int32 lanes) loaded from the m_axis register, with the whole-pipeline enable
 * {@code en = !(m_axis_tvalid && !m_axis_tready)}: while the sink refuses a beat every register of the
 * datapath holds, so nothing is lost or duplicated. A tile has no m_axis and takes {@code en} as an input
 * (the system's one enable).
 *
 * <pre>{@code
 * TopOutside out = new TopOutside(top, prm, Placement.single(), map);
 * out.drive(beat);   // what the m_axis register loads on the next enabled edge
 * }</pre>
 */
final class TopOutside {
    /** The ports ({@link TopInterface}); {@code io.m()} is null in a tile. */
    final TopInterface io;
    /** Whole-pipeline enable. */
    final Signal en;
    private final Reg mValid, mData, mLast;

    TopOutside(TopShell top, Params prm, Placement placement, ConfigMap map) {
        io = TopInterface.declare(top.bundlePorts(), TopInterface.Widths.of(prm, map), !placement.isTile());
        if (placement.isTile()) {
            mValid = mData = mLast = null;
            en = top.inputPort("en", Type.bool());
            return;
        }
        AxiStream m = io.m();
        Wire enW = top.newWire("en", Type.bool());
        mValid = top.newReg("m_valid_q", Type.bool()).resetTo(0).enable(enW);
        mData = top.newReg("m_data_q", m.tdata().type()).resetTo(0).enable(enW);
        mLast = top.newReg("m_last_q", Type.bool()).resetTo(0).enable(enW);
        enW.set(mValid.and(m.tready().not()).not());
        en = enW;
        m.tvalid().set(mValid);
        m.tdata().set(mData);
        m.tlast().set(mLast);
    }

    /** Loads the m_axis register with {@code beat} on the next enabled edge (a top with an output stream only). */
    void drive(Beat beat) {
        if (io.m() == null) throw new IllegalStateException("a tile has no m_axis register to drive.");
        mValid.set(beat.valid());
        mData.set(beat.data());
        mLast.set(beat.last());
    }
}
