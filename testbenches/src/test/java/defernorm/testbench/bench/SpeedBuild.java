package defernorm.testbench.bench;

import defernorm.cosim.verilator.BuildFlags;
import defernorm.eda.ProcessRunner;
import defernorm.eda.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Verilog version of a design built by Verilator with the {@link SpeedHarness} loop into its own
 * directory, with the optimization flags the engine builds its models with ({@link BuildFlags#OPTIMIZATION}).
 */
final class SpeedBuild {
    record Run(long cycles, double seconds, long checksum) {
        double cyclesPerSecond() { return cycles / seconds; }
    }

    private final Path dir;

    /** Builds {@code top} from {@code sources} (files in {@code dir}) with {@code harness} as main. */
    SpeedBuild(Path dir, String top, List<Path> sources, String harness) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("harness.cpp"), harness);
        List<String> cmd = new ArrayList<>(List.of(Tool.VERILATOR.executable(), "--cc", "--exe", "--build", "-j", "2",
                "--top-module", top, "--prefix", "Vtop", "-Mdir", "obj"));
        cmd.addAll(BuildFlags.OPTIMIZATION);
        for (Path p : sources) cmd.add(p.toString());
        cmd.add("harness.cpp");
        ProcessRunner.Outcome o = ProcessRunner.run(cmd, dir, Duration.ofMinutes(20));
        if (o.exitCode() != 0) throw new IllegalStateException("verilator build of " + top + " in " + dir + " failed:\n" + o.output());
    }

    /** Where the Verilog sources and the harness are. */
    Path sourceDir() { return dir; }

    /** The generated C++ of the model (for looking at what lands in which function). */
    Path objDir() { return dir.resolve("obj"); }

    Run run(long cycles) {
        ProcessRunner.Outcome o = ProcessRunner.run(List.of(dir.resolve("obj/Vtop").toString(), Long.toString(cycles)),
                dir, Duration.ofMinutes(10));
        Matcher m = Pattern.compile("cycles (\\d+) seconds ([0-9.]+) checksum ([0-9a-f]+)").matcher(o.output());
        if (o.exitCode() != 0 || !m.find()) throw new IllegalStateException("model in " + dir + " failed:\n" + o.output());
        return new Run(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Long.parseUnsignedLong(m.group(3), 16));
    }
}
