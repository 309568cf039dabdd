package defernorm.cosim.verilator;

import java.util.ArrayList;
import java.util.List;

/** The Verilator options every model and the shared runtime are built with (part of the cache keys). */
final class BuildFlags {
    private BuildFlags() {}

    static List<String> of(boolean trace) {
        List<String> f = new ArrayList<>(List.of(
                "-O3", "--x-assign", "fast", "--x-initial", "fast", "-Wno-fatal",
                "-CFLAGS", "-O3", "-MAKEFLAGS", "OPT_FAST=-O3"));
        if (trace) f.add("--trace");
        return List.copyOf(f);
    }
}
