package defernorm.testbench.check;

import java.util.List;

/** The port names every generated top shares (docs/microarchitecture.md, "Streams" and "Configuration port"). */
public final class TopPorts {
    private TopPorts() {}

    public static final String CFG_WE = "cfg_we";
    public static final String CFG_ADDR = "cfg_addr";
    public static final String CFG_WDATA = "cfg_wdata";
    public static final String S_VALID = "s_axis_tvalid";
    public static final String S_READY = "s_axis_tready";
    public static final String S_DATA = "s_axis_tdata";
    public static final String S_LAST = "s_axis_tlast";
    public static final String M_VALID = "m_axis_tvalid";
    public static final String M_READY = "m_axis_tready";
    public static final String M_DATA = "m_axis_tdata";
    public static final String M_LAST = "m_axis_tlast";

    /** Inputs the checker drives while streaming, in batch column order. */
    public static final List<String> STREAM_INPUTS = List.of(S_VALID, S_DATA, S_LAST, M_READY, CFG_WE);
    /** Outputs (and driven inputs) the checker reads every cycle, in batch column order. */
    public static final List<String> STREAM_OUTPUTS = List.of(S_READY, M_VALID, M_DATA, M_LAST);
    /** Inputs driven while the configuration is loaded. */
    public static final List<String> CONFIG_INPUTS = List.of(CFG_WE, CFG_ADDR, CFG_WDATA, S_VALID, M_READY);
}
