package defernorm.testbench.dut;

import java.nio.file.Path;
import java.util.List;

/**
 * A top written to disk: its module name, the folder holding its Verilog (one file per module) and the
 * sidecar JSON describing it.
 */
public record GeneratedTop(String name, Path dir, List<Path> verilog, Path sidecar) {
    public GeneratedTop { verilog = List.copyOf(verilog); }
}
