package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The IR is handled by exhaustive switches, pattern switches over the sealed {@code Node} or, on the elaboration
 * and emission path, switch expressions over {@code Node.kind()} (so a new node kind is a compile error wherever it is
 * not handled), never by {@code instanceof} chains. In the main sources of every
 * module a file may test {@code instanceof Node.X} for at most two kinds: filters such as "the ports"
 * (Input, Output) or "the state" (Reg, MemRead); a third kind is a dispatch, which belongs in a switch.
 */
class IrExhaustivenessTest {
    private static final Pattern TEST = Pattern.compile("instanceof\\s+Node\\.(\\w+)");
    private static final List<String> SOURCE_ROOTS = List.of("hdl/language", "hdl/accel", "cosim", "testbenches");

    @Test void noInstanceofChainsOverTheIrInMainSources() throws IOException {
        Path repo = repoRoot();
        List<String> offenders = new ArrayList<>();
        for (String root : SOURCE_ROOTS) {
            Path main = repo.resolve(root).resolve("src/main/java");
            if (!Files.isDirectory(main)) continue;
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    TreeSet<String> kinds = new TreeSet<>();
                    Matcher m = TEST.matcher(read(p));
                    while (m.find()) kinds.add(m.group(1));
                    if (kinds.size() > 2) offenders.add(repo.relativize(p) + " tests " + kinds);
                });
            }
        }
        assertEquals(List.of(), offenders, "dispatch on node kinds with an exhaustive switch (see Node.mapNames)");
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("cosim")) && dir.getParent() != null) dir = dir.getParent();
        return dir;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
