package defernorm.accel.tops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import defernorm.golden.timing.Schedule;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <Top>.json} sidecar written beside a top's Verilog: everything a tool outside Java needs to
 * drive it: parameters, ports and widths, number formats and scales, the configuration address map and
 * word packing, the beat layout of both streams, and the golden {@link Schedule}'s latency and throughput.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(TopGenerator.generate(op, variant, params));
 * Path json = TopSidecar.write(op, variant, params, d, Path.of("rtl-out"));   // rtl-out/<top>.json
 * }</pre>
 */
public final class TopSidecar {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopSidecar() {}

    /** Writes {@code <top>.json} into {@code dir} and returns its path. */
    public static Path write(Op op, Variant variant, Params params, Design design, Path dir) {
        return write(design, describe(op, variant, params, design), dir);
    }

    /** Writes {@code sidecar} as {@code <top>.json} into {@code dir} and returns its path (for a system's too). */
    public static Path write(Design design, Map<String, Object> sidecar, Path dir) {
        Path file = dir.resolve(design.top() + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, json(design, sidecar) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sidecar " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The sidecar text. */
    public static String json(Op op, Variant variant, Params params, Design design) {
        return json(design, describe(op, variant, params, design));
    }

    private static String json(Design design, Map<String, Object> sidecar) {
        try {
            return JSON.writeValueAsString(sidecar);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sidecar of " + design.top() + " could not be written as JSON", e);
        }
    }

    /** An insertion-ordered map of alternating keys and values: one JSON object of the sidecar. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** The sidecar as nested maps and lists (insertion-ordered). */
    public static Map<String, Object> describe(Op op, Variant variant, Params p, Design design) {
        return describe(op, variant, p, TopGenerator.schedule(op, variant, p), design);
    }

    /**
     * The sidecar of a design whose outside is a top's at {@code p} (a system's: T·P lanes) and whose timing
     * is {@code schedule} (a system's: a tile's schedule with the network's depths).
     */
    public static Map<String, Object> describe(Op op, Variant variant, Params p, Schedule schedule, Design design) {
        return fields("top", design.top(), "op", op.name().toLowerCase(), "variant", variant.name().toLowerCase(),
                "parameters", fields("n", p.n(), "m", p.m(), "P", p.p(), "Q", p.q(), "C", p.c(), "NB", p.beats(), "G", p.groups()),
                "ports", ports(design), "formats", formats(op, variant), "config", config(op, variant, p), "streams", streams(p),
                "timing", timing(variant, p, schedule),
                "reset", "rst (synchronous, active high) clears the datapath state and drops tokens in flight; "
                        + "configuration (weights, biases, the constant word) survives it");
    }

    private static List<Map<String, Object>> ports(Design design) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (design.isClocked(design.top())) {
            out.add(port("clk", "input", 1));
            out.add(port("rst", "input", 1));
        }
        for (Node n : design.topModule().nodes()) {
            if (n instanceof Node.Input i) out.add(port(i.name(), "input", i.type().width()));
            if (n instanceof Node.Output o) out.add(port(o.name(), "output", o.type().width()));
        }
        return out;
    }

    private static Map<String, Object> port(String name, String dir, int width) {
        return fields("name", name, "direction", dir, "width", width);
    }

    private static Map<String, Object> formats(Op op, Variant variant) {
        int frac = variant == Variant.MATMUL ? 0 : Formats.outFrac(op);
        String meaning = variant == Variant.MATMUL ? "y[j] = sx * sw[j] * lane"
                : op == Op.SOFTMAX ? "y[j] = sv[j] * 2^-16 * lane" : "y[j] = sw[j] * 2^-8 * lane";
        Map<String, Object> m = fields(
                "input", format(Formats.DATA_BITS, true, 0, op == Op.SOFTMAX ? "score s[i] = ss * lane" : "activation x[i] = sx * lane"),
                "weight", format(Formats.DATA_BITS, true, 0, op == Op.SOFTMAX ? "V[i][j] = sv[j] * w" : "W[i][j] = sw[j] * w (folded, see docs/numerics.md)"),
                "bias", format(Formats.BIAS_BITS, true, 0, "folded bias in output-lane units"),
                "output", format(Formats.OUT_BITS, true, frac, meaning + " (saturated to int32)"));
        if (variant != Variant.MATMUL) {
            m.put("constant", op == Op.SOFTMAX
                    ? format(16, false, 12, "score multiplier L = round(ss * log2(e) * 2^12), 1 <= L < 2^16")
                    : format(ConfigMap.CONST_BITS, false, 0, "epsilon word E = max(1, round(n^2 * eps / sx^2)), 1 <= E < 2^40"));
        }
        return m;
    }

    private static Map<String, Object> format(int bits, boolean signed, int frac, String meaning) {
        return fields("bits", bits, "signed", signed, "fracBits", frac, "meaning", meaning);
    }

    private static Map<String, Object> config(Op op, Variant variant, Params p) {
        ConfigMap map = ConfigMap.of(op, variant, p);
        List<Map<String, Object>> regions = new ArrayList<>();
        regions.add(region("weights", map.weightBase(), map.weightWords(), map.weightBits(),
                "word k*G+g holds W[k*P+r][g*Q+c] as int8 at bits (r*Q+c)*8"));
        regions.add(region("bias", map.biasBase(), map.biasWords(), map.biasBits(),
                "word g holds bias[g*Q+c] as int32 at bits c*32"));
        if (map.hasConstant()) {
            regions.add(region(op == Op.SOFTMAX ? "scoreMultiplier" : "epsilon", map.constAddr(), 1,
                    op == Op.SOFTMAX ? 16 : ConfigMap.CONST_BITS, "unsigned, in the low bits"));
        }
        return fields("addrBits", map.addrBits(), "dataBits", map.dataBits(), "words", map.words(),
                "protocol", "one word per cycle with cfg_we high, before streaming starts; unused high bits of cfg_wdata are ignored",
                "regions", regions);
    }

    private static Map<String, Object> region(String name, int base, int words, int bits, String packing) {
        return fields("name", name, "base", base, "words", words, "wordBits", bits, "packing", packing);
    }

    private static Map<String, Object> streams(Params p) {
        return fields(TopInterface.S_AXIS, stream(p.p(), Formats.DATA_BITS, p.beats(), "P int8 lanes, lane 0 in the low bits; beat k carries elements k*P..k*P+P-1; tlast on the token's last (NB-th) beat"),
                TopInterface.M_AXIS, stream(p.q(), Formats.OUT_BITS, p.groups(), "Q int32 lanes, lane 0 in the low bits; beat g carries outputs g*Q..g*Q+Q-1; tlast on the token's last (G-th) beat"));
    }

    private static Map<String, Object> stream(int lanes, int laneBits, int beats, String layout) {
        return fields("lanes", lanes, "laneBits", laneBits, "tdataBits", lanes * laneBits, "beatsPerToken", beats, "layout", layout);
    }

    private static Map<String, Object> timing(Variant variant, Params p, Schedule s) {
        PipelineDepths d = s.depths();
        Map<String, Object> m = fields("convention", "cycle 0 is the clock edge of the first input handshake; an output beat's cycle is the edge of its handshake; no backpressure, input always valid",
                "latencyCycles", s.tokenLatency(), "firstOutputCycles", s.firstOutputLatency(), "cyclesPerToken", s.cyclesPerToken(),
                "tokensPerCycle", 1.0 / s.cyclesPerToken(), "matmulCyclesPerToken", (long) p.beats() * p.groups());
        if (variant == Variant.DEFERRED) m.put("hidingLimit", s.hidingLimit());
        // The depths the hardware was built with (PipelineDepths: what the golden Schedule is handed).
        m.put("pipelineDepths", fields("write", d.write(), "reduction", d.reduction(), "collective", s.params().c(), "factor", d.factor(),
                "readToArray", d.readToArray(), "mac", d.mac(), "output", d.output(), "factorSlots", d.factorSlots()));
        return m;
    }
}
