package defernorm.testbench.check;

import defernorm.accel.tops.TopInterface;
import java.util.List;

/**
 * The port names every generated top shares, as the tops declare them ({@link TopInterface#NAMES}: one
 * description for the hardware and the checker; docs/microarchitecture.md, "Streams" and "Configuration port").
 */
public final class TopPorts {
    private TopPorts() {}

    private static final TopInterface.Names N = TopInterface.NAMES;

    public static final String CFG_WE = N.cfgWe();
    public static final String CFG_ADDR = N.cfgAddr();
    public static final String CFG_WDATA = N.cfgWdata();
    public static final String S_VALID = N.sValid();
    public static final String S_READY = N.sReady();
    public static final String S_DATA = N.sData();
    public static final String S_LAST = N.sLast();
    public static final String M_VALID = N.mValid();
    public static final String M_READY = N.mReady();
    public static final String M_DATA = N.mData();
    public static final String M_LAST = N.mLast();

    /** The output stream's ports. */
    public static final List<String> M_AXIS = List.of(M_VALID, M_READY, M_DATA, M_LAST);

    /** Inputs the checker drives while streaming, in batch column order. */
    public static final List<String> STREAM_INPUTS = N.streamInputs();
    /** Outputs (and driven inputs) the checker reads every cycle, in batch column order. */
    public static final List<String> STREAM_OUTPUTS = N.streamOutputs();
    /** Inputs driven while the configuration is loaded. */
    public static final List<String> CONFIG_INPUTS = N.configInputs();
}
