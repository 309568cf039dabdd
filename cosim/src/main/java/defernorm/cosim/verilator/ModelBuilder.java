package defernorm.cosim.verilator;

import defernorm.eda.ProcessRunner;
import defernorm.eda.Sha256;
import defernorm.eda.Tool;
import defernorm.hdl.emit.VerilogFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds (or finds in the cache) the model of one design: Verilog + generated C++ (the child-process
 * harness, or the in-process shim) + debug-net configuration, compiled by {@code verilator --cc --exe
 * --build} against the cached {@link RuntimeLibrary}, into an executable or, for the in-process mode, a
 * shared library ({@code -shared}, position-independent). The cache key is a SHA-256 of every input that
 * changes the product.
 */
final class ModelBuilder {
    private ModelBuilder() {}

    /**
     * A model ready to run: its executable (or shared library), whether (and how long) this call built it,
     * and its cache entry (to evict it when it turns out unusable).
     */
    record Model(Path binary, boolean built, long buildMillis, Path entry) {}

    /** The file the build produces inside the entry's {@code obj} directory. */
    static String productName(String top, boolean inProcess) {
        return inProcess ? "lib" + HarnessSource.modelClass(top) + ".so" : HarnessSource.modelClass(top);
    }

    /** The model, from the cache or built now; {@code rebuild} first deletes a cached entry that would not start. */
    static Model build(Tool.Installed tool, Path cacheDir, String top, List<VerilogFile> verilog,
                       String harness, String vlt, boolean trace, boolean inProcess, boolean rebuild, Duration timeout) {
        List<String> keyParts = new ArrayList<>(List.of("model-v1", tool.version(), top, harness, vlt));
        keyParts.addAll(BuildFlags.of(trace, inProcess));
        for (VerilogFile f : verilog) {
            keyParts.add(f.fileName());
            keyParts.add(f.text());
        }
        String key = "model-" + top + "-" + Sha256.ofParts(keyParts).substring(0, 24);
        BuildCache cache = new BuildCache(cacheDir);
        if (rebuild) cache.evict(key);
        BuildCache.Entry e = cache.getOrBuild(key, dir -> {
            Path runtime = RuntimeLibrary.ensure(tool, cache, trace, inProcess, timeout);
            compile(tool, dir, top, verilog, harness, vlt, trace, inProcess, runtime, timeout);
        });
        return new Model(e.dir().resolve("obj").resolve(productName(top, inProcess)), e.built(), e.millis(), e.dir());
    }

    private static void compile(Tool.Installed tool, Path dir, String top, List<VerilogFile> verilog, String harness,
                                String vlt, boolean trace, boolean inProcess, Path runtime, Duration timeout)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> cmd = new ArrayList<>(List.of(tool.executable(), "--cc", "--exe", "--build"));
        cmd.addAll(BuildFlags.of(trace, inProcess));
        cmd.addAll(List.of("--top-module", top, "--prefix", HarnessSource.modelClass(top),
                "-MAKEFLAGS", "VK_GLOBAL_OBJS=", "-LDFLAGS", runtime.toString(),
                "-o", productName(top, inProcess),
                "-j", "2", "--Mdir", "obj", "src/public.vlt"));
        if (inProcess) cmd.addAll(List.of("-LDFLAGS", "-shared"));
        Files.writeString(src.resolve("public.vlt"), vlt);
        for (VerilogFile f : verilog) {
            Files.writeString(src.resolve(f.fileName()), f.text());
            sources.put(f.fileName(), f.text());
            cmd.add("src/" + f.fileName());
        }
        String cppName = inProcess ? "shim.cpp" : "harness.cpp";
        Files.writeString(src.resolve(cppName), harness);
        cmd.add("src/" + cppName);
        ProcessRunner.Outcome r = ProcessRunner.run(cmd, dir, timeout);
        if (!r.started()) throw VerilatorException.notInstalled();
        if (r.timedOut()) {
            throw new VerilatorException("Verilator did not finish building the model of " + top + " within "
                    + timeout.toSeconds() + " s and was stopped.");
        }
        Path binary = dir.resolve("obj").resolve(productName(top, inProcess));
        if (!r.ok() || !Files.isRegularFile(binary)) throw new VerilatorException(BuildErrors.describe(top, r.output(), sources));
        // Keep the sources and the binary; drop the objects, which are large and never reused.
        try (var s = Files.list(dir.resolve("obj"))) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".o") || n.endsWith(".a") || n.endsWith(".d")) Files.deleteIfExists(p);
            }
        }
    }
}
