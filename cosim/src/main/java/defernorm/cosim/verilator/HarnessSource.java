package defernorm.cosim.verilator;

import defernorm.cosim.support.NetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Generates the C++ around one design's Verilated model from fixed templates (resources next to this
 * class) and the design's net table: the model core {@code model_core.inc} followed by either the
 * child-process harness {@code harness.cpp} or the in-process shim {@code shim.cpp}; and the Verilator
 * configuration file that makes the debug nets public, so the emitted Verilog needs no metacomments.
 */
final class HarnessSource {
    private static final String CORE = load("model_core.inc");
    private static final String HARNESS = load("harness.cpp");
    private static final String SHIM = load("shim.cpp");

    private HarnessSource() {}

    /** The Verilated model's class name for a top module. */
    static String modelClass(String top) { return "V" + top; }

    /** The child-process harness: a program speaking docs/cosim-protocol.md on stdin/stdout. */
    static String cpp(String top, NetTable nets, boolean trace) { return core(top, nets, trace) + HARNESS; }

    /** The in-process shim: the C API that {@code NativeModel} calls through the FFM API. */
    static String shim(String top, NetTable nets, boolean trace) { return core(top, nets, trace) + SHIM; }

    private static String core(String top, NetTable nets, boolean trace) {
        StringBuilder head = new StringBuilder();
        head.append("#define DN_MODEL ").append(modelClass(top)).append('\n');
        head.append("#define DN_NET_COUNT ").append(Math.max(1, nets.all().size())).append('\n');
        head.append("#define DN_CLOCKED ").append(nets.clocked() ? 1 : 0).append('\n');
        head.append("#define DN_TRACE ").append(trace ? 1 : 0).append('\n');
        head.append("#include \"").append(modelClass(top)).append(".h\"\n");

        StringBuilder bind = new StringBuilder();
        bind.append("void bindNets(Sim& s) {\n");
        bind.append("    (void)s;\n");
        for (NetSpec n : nets.all()) {
            bind.append("    s.nets[").append(n.index()).append("] = ");
            if (n.kind() == NetCatalog.Kind.DEBUG || n.kind() == NetCatalog.Kind.COVER) {
                bind.append("scoped(s, ").append(quote(n.scope())).append(", ").append(quote(n.localName()))
                        .append(", ");
            } else {
                bind.append("port(&s.top->").append(cppName(n.name())).append(", ");
            }
            bind.append(n.words()).append(", ").append(n.type().width()).append(", ")
                    .append(quote(n.name())).append(");\n");
        }
        bind.append("}\n");
        return head + CORE.replace("// DN-GENERATED-BIND\n", bind.toString());
    }

    /** A Verilator configuration file marking every debug net and cover counter {@code public_flat_rd}. */
    static String vlt(NetTable nets) {
        Set<String> lines = new LinkedHashSet<>();
        for (NetSpec n : nets.all()) {
            if (n.kind() != NetCatalog.Kind.DEBUG && n.kind() != NetCatalog.Kind.COVER) continue;
            lines.add("public_flat_rd -module " + quote(n.module()) + " -var " + quote(n.localName()));
        }
        return "`verilator_config\n" + String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }

    /** Verilator's C++ spelling of a Verilog identifier: each {@code __} becomes {@code ___05F}. */
    static String cppName(String verilogName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < verilogName.length(); i++) {
            char c = verilogName.charAt(i);
            if (c == '_' && i + 1 < verilogName.length() && verilogName.charAt(i + 1) == '_') {
                out.append("___05F");
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String quote(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

    private static String load(String resource) {
        try (InputStream in = HarnessSource.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the cosim jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
