package defernorm.cosim.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Generates the C++ harness for one design from the fixed template {@code harness.cpp} (a resource next
 * to this class) and the design's net table, and the Verilator configuration file that makes the debug
 * nets public, so the emitted Verilog itself needs no Verilator metacomments.
 */
final class HarnessSource {
    private static final String TEMPLATE = loadTemplate();

    private HarnessSource() {}

    /** The Verilated model's class name for a top module. */
    static String modelClass(String top) { return "V" + top; }

    static String cpp(String top, NetTable nets, boolean trace) {
        StringBuilder head = new StringBuilder();
        head.append("#define DN_MODEL ").append(modelClass(top)).append('\n');
        head.append("#define DN_NET_COUNT ").append(Math.max(1, nets.all().size())).append('\n');
        head.append("#define DN_CLOCKED ").append(nets.clocked() ? 1 : 0).append('\n');
        head.append("#define DN_TRACE ").append(trace ? 1 : 0).append('\n');
        head.append("#include \"").append(modelClass(top)).append(".h\"\n");

        StringBuilder bind = new StringBuilder();
        bind.append("void bindNets(DN_MODEL* top, VerilatedContext* c) {\n");
        bind.append("    (void)top; (void)c;\n");
        for (NetSpec n : nets.all()) {
            bind.append("    nets[").append(n.index()).append("] = ");
            if (n.kind() == NetKind.DEBUG) {
                bind.append("scoped(c, ").append(quote(n.scope())).append(", ").append(quote(n.localName()))
                        .append(", ");
            } else {
                bind.append("port(&top->").append(cppName(n.name())).append(", ");
            }
            bind.append(n.words()).append(", ").append(n.type().width()).append(", ")
                    .append(quote(n.name())).append(");\n");
        }
        bind.append("}\n");
        return TEMPLATE.replace("// DN-GENERATED-HEAD\n", head.toString())
                .replace("// DN-GENERATED-BIND\n", bind.toString());
    }

    /** A Verilator configuration file marking every debug net {@code public_flat_rd}. */
    static String vlt(NetTable nets) {
        Set<String> lines = new LinkedHashSet<>();
        for (NetSpec n : nets.all()) {
            if (n.kind() != NetKind.DEBUG) continue;
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

    private static String loadTemplate() {
        try (InputStream in = HarnessSource.class.getResourceAsStream("harness.cpp")) {
            if (in == null) throw new IllegalStateException("harness.cpp is missing from the cosim jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
