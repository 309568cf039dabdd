package defernorm.testbench.dut;

import defernorm.accel.tops.ConfigImage;
import defernorm.accel.tops.TopGenerator;
import defernorm.accel.tops.TopSidecar;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Elaborator;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import defernorm.testbench.check.ConfigWrite;
import defernorm.testbench.check.StreamShape;
import defernorm.testbench.check.TopPorts;
import defernorm.testbench.check.TopUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The generated tops, as the testbench uses them: generate one into a folder, or prepare one for the
 * checker with a given layer configuration. Elaborated designs are kept, so a top is built once per JVM.
 *
 * <pre>{@code
 * GeneratedTop g = Tops.generate(Op.RMSNORM, Variant.DEFERRED, params, Path.of("rtl-out"));
 * TopUnderTest t = Tops.underTest(Variant.DEFERRED, cfg);
 * }</pre>
 */
public final class Tops {
    private Tops() {}

    private record Key(Op op, Variant variant, Params params) {}

    private static final Map<Key, Design> DESIGNS = new ConcurrentHashMap<>();

    /** The elaborated top. */
    public static Design design(Op op, Variant variant, Params params) {
        return DESIGNS.computeIfAbsent(new Key(op, variant, params), k -> Elaborator.elaborate(TopGenerator.generate(op, variant, params)));
    }

    /** Emits the top's Verilog (one file per module) and sidecar into {@code outDir/<TopName>/}, replacing old files. */
    public static GeneratedTop generate(Op op, Variant variant, Params params, Path outDir) {
        Design d = design(op, variant, params);
        Path dir = prepare(outDir, d);
        List<Path> verilog = VerilogEmitter.writeTo(dir, VerilogEmitter.emit(d));
        Path sidecar = TopSidecar.write(op, variant, params, d, dir);
        return new GeneratedTop(d.top(), dir, verilog, sidecar);
    }

    /** {@code outDir/<top>/}, created, with old Verilog files removed. */
    static Path prepare(Path outDir, Design d) {
        Path dir = outDir.resolve(d.top());
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path f : old.filter(f -> f.toString().endsWith(".v")).toList()) Files.delete(f);
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** The top of {@code cfg.op()} in {@code variant}, with the configuration words of {@code cfg}, and its golden model. */
    public static TopUnderTest underTest(Variant variant, LayerConfig cfg) {
        Params p = cfg.params();
        Design d = design(cfg.op(), variant, p);
        StreamShape shape = new StreamShape(p.p(), p.n(), p.q(), outputBits(d) / p.q(), true);
        List<ConfigWrite> words = ConfigImage.of(cfg, variant).stream().map(w -> new ConfigWrite(w.address(), w.data())).toList();
        return TopUnderTest.of(d, shape, words, new GoldenBeats(cfg, variant, TopGenerator.schedule(cfg.op(), variant, p)));
    }

    static int outputBits(Design d) {
        return d.topModule().outputs().stream().filter(o -> o.name().equals(TopPorts.M_DATA)).map(Node.Output::type)
                .findFirst().orElseThrow(() -> new IllegalStateException(d.top() + " has no " + TopPorts.M_DATA + " port"))
                .width();
    }
}
