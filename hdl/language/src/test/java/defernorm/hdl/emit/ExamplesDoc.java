package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates docs/examples.md from the real files: each example's Java source next to the Verilog the
 * emitter produces for it, so the doc can never drift from the code.
 */
final class ExamplesDoc {
    private ExamplesDoc() {}

    static final String EXAMPLES_SOURCE_DIR = "src/main/java/defernorm/examples";

    static String render(Map<String, Design> examples, Path moduleDir) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Examples: Java in, Verilog out\n\n")
          .append("Generated from `hdl/language/").append(EXAMPLES_SOURCE_DIR).append("` and the emitter's output by\n")
          .append("`mvn -pl hdl/language -am test -Dtest='VerilogEmitterGoldenTest,ExamplesDocTest' -Dgolden.update=true\n")
          .append("-Dsurefire.failIfNoSpecifiedTests=false`, which also rewrites the golden files in\n")
          .append("`hdl/language/src/test/resources/golden/`. Do not edit by hand. Statements carry `// File.java:line` comments\n")
          .append("(`EmitOptions.withSourceComments(true)`); the golden files are emitted without them.\n\n")
          .append("Every example is elaborated by `AllExamples.designs()`; each emitted file passes\n")
          .append("`verilator --lint-only -Wall` with zero warnings, `iverilog -g2005` and `yosys synth` without latches\n")
          .append("(`defernorm.eda.ToolChecks`).\n\n");
        md.append("| example | top module | Java source |\n|---|---|---|\n");
        for (Map.Entry<String, Design> e : examples.entrySet()) {
            String file = e.getValue().topModule().loc().file();
            md.append("| [").append(e.getKey()).append("](#").append(anchor(e.getKey())).append(") | `")
              .append(e.getValue().top()).append("` | `").append(file).append("` |\n");
        }
        md.append('\n');
        Set<String> shown = new HashSet<>();
        for (Map.Entry<String, Design> e : examples.entrySet()) {
            Design d = e.getValue();
            ModuleIr top = d.topModule();
            md.append("## ").append(e.getKey()).append("\n\n");
            Path source = moduleDir.resolve(EXAMPLES_SOURCE_DIR).resolve(top.loc().file());
            md.append("### Java (`").append(top.loc().file()).append("`)\n\n```java\n")
              .append(Files.isRegularFile(source) ? Files.readString(source, StandardCharsets.UTF_8).strip()
                      : "// source file not found: " + top.loc().file())
              .append("\n```\n\n");
            List<VerilogFile> files = VerilogEmitter.emit(d, EmitOptions.defaults().withSourceComments(true));
            for (VerilogFile f : files) {
                if (!shown.add(f.fileName())) {
                    md.append("Uses `").append(f.moduleName()).append("`, shown above.\n\n");
                    continue;
                }
                md.append("### Verilog (`").append(f.fileName()).append("`)\n\n```verilog\n")
                  .append(f.text().strip()).append("\n```\n\n");
            }
            if (!top.instances().isEmpty()) {
                md.append("Children: ");
                md.append(String.join(", ", top.instances().stream().map(i -> "`" + i.name() + "` (" + i.module() + ")").toList()));
                md.append(".\n\n");
            }
        }
        return md.toString().strip() + "\n";
    }

    private static String anchor(String heading) {
        return heading.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

}
