package defernorm.testbench.dut;

import defernorm.accel.system.SystemGenerator;
import defernorm.accel.system.SystemSidecar;
import defernorm.accel.tops.ConfigImage;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemDatapaths;
import defernorm.golden.system.SystemShape;
import defernorm.hdl.Elaborator;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import defernorm.testbench.check.ConfigWrite;
import defernorm.testbench.check.StreamShape;
import defernorm.testbench.check.TopUnderTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The system tops (docs/system.md), as the testbench uses them: generate one, or prepare one for the checker.
 * {@code params} is the system's shape with P the lanes of one tile; the system's streams and configuration
 * are a single top's at T·P lanes ({@link #streamParams}), so the checker, the stimulus and the
 * configuration image are the single top's; only the golden values ({@link SystemDatapaths}) and the
 * schedule ({@link SystemGenerator#schedule}) are the system's. T = 1 is exactly {@link Tops}.
 *
 * <pre>{@code
 * SystemShape ring = new SystemShape(4, Topology.RING, 10, 64);
 * Params prm = new Params(64, 16, 4, 4, 0);
 * LayerConfig cfg = RandomLayers...(op, SystemTops.streamParams(prm, ring), seed);
 * CheckResult r = Checker.check(SystemTops.underTest(Variant.DEFERRED, cfg, ring), plan, SimOptions.builtin());
 * }</pre>
 */
public final class SystemTops {
    private SystemTops() {}

    private record Key(Op op, Variant variant, Params params, SystemShape shape) {}

    private static final Map<Key, Design> DESIGNS = new ConcurrentHashMap<>();

    /** The system's streams and configuration: the single top's at T·P lanes (n, m, T·P, Q, C). */
    public static Params streamParams(Params params, SystemShape shape) {
        return new Params(params.n(), params.m(), params.p() * shape.tiles(), params.q(), params.c());
    }

    /** The tile lanes P of a system whose stream has {@code stream.p()} lanes. */
    public static Params systemParams(Params stream, SystemShape shape) {
        return new Params(stream.n(), stream.m(), stream.p() / shape.tiles(), stream.q(), stream.c());
    }

    /** The elaborated system top (T = 1: the single top). */
    public static Design design(Op op, Variant variant, Params params, SystemShape shape) {
        if (shape.isSingle()) return Tops.design(op, variant, params);
        return DESIGNS.computeIfAbsent(new Key(op, variant, params, shape),
                k -> Elaborator.elaborate(SystemGenerator.generate(op, variant, params, shape)));
    }

    /** Emits the system's Verilog (one file per module) and sidecar into {@code outDir/<TopName>/}. */
    public static GeneratedTop generate(Op op, Variant variant, Params params, SystemShape shape, Path outDir) {
        if (shape.isSingle()) return Tops.generate(op, variant, params, outDir);
        Design d = design(op, variant, params, shape);
        Path dir = Tops.prepare(outDir, d);
        List<Path> verilog = VerilogEmitter.writeTo(dir, VerilogEmitter.emit(d));
        Path sidecar = SystemSidecar.write(op, variant, params, shape, d, dir);
        return new GeneratedTop(d.top(), dir, verilog, sidecar);
    }

    /**
     * The system of {@code cfg.op()} in {@code variant}, with the configuration words of {@code cfg} (whose
     * params are the system's stream, {@link #streamParams}), and its golden model.
     */
    public static TopUnderTest underTest(Variant variant, LayerConfig cfg, SystemShape shape) {
        if (shape.isSingle()) return Tops.underTest(variant, cfg);
        Params stream = cfg.params();
        Params params = systemParams(stream, shape);
        Design d = design(cfg.op(), variant, params, shape);
        StreamShape streams = new StreamShape(stream.p(), stream.n(), stream.q(), Tops.outputBits(d) / stream.q(), true);
        List<ConfigWrite> words = ConfigImage.of(cfg, variant).stream().map(w -> new ConfigWrite(w.address(), w.data())).toList();
        GoldenBeats golden = new GoldenBeats(SystemDatapaths.of(cfg, variant, shape), SystemGenerator.schedule(cfg.op(), variant, params, shape));
        return TopUnderTest.of(d, streams, words, golden);
    }
}
