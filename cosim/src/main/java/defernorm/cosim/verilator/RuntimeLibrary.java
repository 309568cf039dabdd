package defernorm.cosim.verilator;

import defernorm.eda.ProcessRunner;
import defernorm.eda.Sha256;
import defernorm.eda.Tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;

/**
 * Verilator's own runtime (verilated.cpp, its thread and VCD support) compiled once per Verilator version
 * and flag set into a cached static library, which every model then links instead of recompiling it:
 * that compile is most of a cold build. It is built exactly as {@code verilator --build} would build it,
 * by building a one-gate stub design, so its flags always match the models'.
 */
final class RuntimeLibrary {
    static final String LIB = "libverilated_rt.a";

    private RuntimeLibrary() {}

    /** The library's path, built first if the cache lacks it. */
    static Path ensure(Tool.Installed tool, BuildCache cache, boolean trace, boolean inProcess, Duration timeout) {
        return entry(tool, cache, trace, inProcess, timeout).dir().resolve(LIB);
    }

    /** The cache entry holding the library, built first if missing (then {@code built()} is true). */
    static BuildCache.Entry entry(Tool.Installed tool, BuildCache cache, boolean trace, boolean inProcess, Duration timeout) {
        List<String> keyParts = new ArrayList<>(List.of("runtime-v1", tool.version()));
        keyParts.addAll(BuildFlags.of(trace, inProcess));
        String key = "runtime-" + Sha256.ofParts(keyParts).substring(0, 24);
        return cache.getOrBuild(key, dir -> build(tool, dir, trace, inProcess, timeout));
    }

    private static void build(Tool.Installed tool, Path dir, boolean trace, boolean inProcess, Duration timeout)
            throws IOException {
        Files.writeString(dir.resolve("dn_stub.v"), "module dn_stub(input wire a, output wire y);\n  assign y = a;\nendmodule\n");
        // The in-process runtime leaves vl_finish/vl_stop/vl_fatal to the shim; the stub supplies them.
        Files.writeString(dir.resolve("dn_stub_main.cpp"), """
                #include "Vdn_stub.h"
                #ifdef VL_USER_FINISH
                void vl_finish(const char*, int, const char*) {}
                void vl_stop(const char*, int, const char*) {}
                void vl_fatal(const char*, int, const char*, const char*) { throw 0; }
                #endif
                int main() { VerilatedContext c; Vdn_stub t{&c}; t.eval(); return 0; }
                """);
        List<String> cmd = new ArrayList<>(List.of(tool.executable(), "--cc", "--exe", "--build"));
        cmd.addAll(BuildFlags.of(trace, inProcess));
        cmd.addAll(List.of("-j", "2", "--Mdir", "obj", "dn_stub.v", "dn_stub_main.cpp"));
        ProcessRunner.Outcome r = ProcessRunner.run(cmd, dir, timeout);
        if (!r.ok()) {
            throw new VerilatorException("Verilator could not build its runtime library: " + BuildErrors.tail(r.output(), 15));
        }
        List<String> ar = new ArrayList<>(List.of("ar", "rcs", dir.resolve(LIB).toString()));
        try (Stream<Path> s = Files.list(dir.resolve("obj"))) {
            s.map(Path::getFileName).map(Path::toString)
                    .filter(n -> n.startsWith("verilated") && n.endsWith(".o"))
                    .sorted().forEach(n -> ar.add("obj/" + n));
        }
        ProcessRunner.Outcome a = ProcessRunner.run(ar, dir, timeout);
        if (!a.ok()) throw new VerilatorException("could not archive Verilator's runtime library: " + a.output().strip());
        FileUtils.deleteQuietly(dir.resolve("obj").toFile());
    }
}
