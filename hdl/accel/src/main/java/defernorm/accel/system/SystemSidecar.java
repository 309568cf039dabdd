package defernorm.accel.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defernorm.accel.tops.TopSidecar;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.hdl.ir.Design;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <Top>.json} sidecar of a system top: the single top's sidecar at T·P lanes (ports, formats,
 * address map, streams) with the system's timing, plus a {@code "system"} section: T, topology, H, link
 * width, the network depths L_ar and L_or, and which part of each configuration word goes to which tile.
 * T = 1 writes the single top's sidecar.
 *
 * <pre>{@code
 * Path json = SystemSidecar.write(Op.RMSNORM, Variant.DEFERRED, prm, shape, design, dir);
 * }</pre>
 */
public final class SystemSidecar {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SystemSidecar() {}

    /** Writes {@code <top>.json} into {@code dir} and returns its path. */
    public static Path write(Op op, Variant variant, Params params, SystemShape shape, Design design, Path dir) {
        if (shape.isSingle()) return TopSidecar.write(op, variant, params, design, dir);
        Path file = dir.resolve(design.top() + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, JSON.writeValueAsString(describe(op, variant, params, shape, design)) + "\n", StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sidecar of " + design.top() + " could not be written as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sidecar " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The sidecar as nested maps (insertion-ordered). */
    public static Map<String, Object> describe(Op op, Variant variant, Params params, SystemShape shape, Design design) {
        Params outside = SystemLimits.outside(params, shape);
        Map<String, Object> root = TopSidecar.describe(op, variant, outside, SystemGenerator.schedule(op, variant, params, shape), design);
        Map<String, Object> sys = new LinkedHashMap<>();
        sys.put("tiles", shape.tiles());
        sys.put("topology", shape.topology().cliName());
        sys.put("hopLatency", shape.hopLatency());
        sys.put("linkBits", shape.linkBits());
        sys.put("lanesPerTile", params.p());
        sys.put("elementsPerTile", params.n() / shape.tiles());
        sys.put("collectiveCycles", SystemGenerator.collectiveCycles(op, variant, params, shape));
        sys.put("outputReduceCycles", SystemGenerator.outputReduceCycles(op, variant, params, shape));
        sys.put("ownership", "lane t*P+p of input beat k (element k*T*P+t*P+p) belongs to tile t; tile 0 is the root (m_axis, biases)");
        sys.put("configuration", "the address map above (T*P lanes): tile t takes bits t*P*Q*8 .. (t+1)*P*Q*8-1 of each weight word "
                + "(rows t*P .. t*P+P-1 of the tile), every tile the constant word, the root the biases");
        root.put("system", sys);
        return root;
    }
}
