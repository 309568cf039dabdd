package defernorm.testbench.bench;

import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Both Verilog versions of a {@link VerilogSpeedCase}, built with the same harness and flags: {@code ours}
 * from the emitter, {@code handWritten} from the test resources; with each version's line count.
 */
record SpeedPair(VerilogSpeedCase speedCase, SpeedBuild ours, SpeedBuild handWritten, long oursLines, long handWrittenLines) {

    static SpeedPair build(VerilogSpeedCase c, Path dir) throws IOException {
        String harness = SpeedHarness.source(c);
        String top = c.ours().topModule().name();

        Path oursDir = Files.createDirectories(dir.resolve("ours"));
        List<Path> oursFiles = new ArrayList<>();
        for (VerilogFile f : VerilogEmitter.emit(c.ours())) oursFiles.add(f.writeTo(oursDir));
        SpeedBuild ours = new SpeedBuild(oursDir, top, oursFiles, harness);

        Path handDir = Files.createDirectories(dir.resolve("hand"));
        List<Path> handFiles = new ArrayList<>();
        for (String name : c.handWritten()) {
            try (InputStream in = SpeedPair.class.getResourceAsStream("handwritten/" + name)) {
                if (in == null) throw new IllegalStateException("missing test resource handwritten/" + name);
                Path p = handDir.resolve(name);
                Files.write(p, in.readAllBytes());
                handFiles.add(p);
            }
        }
        SpeedBuild hand = new SpeedBuild(handDir, top, handFiles, harness);
        return new SpeedPair(c, ours, hand, lines(oursFiles), lines(handFiles));
    }

    private static long lines(List<Path> files) throws IOException {
        long n = 0;
        for (Path p : files) n += Files.readAllLines(p).size();
        return n;
    }
}
