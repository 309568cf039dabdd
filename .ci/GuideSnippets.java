import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps a guide honest: every line of its ```java and ```xml blocks must be a line (leading and trailing
 * blanks aside) of a .java or .xml file of the example project, so a snippet cannot show code that does not
 * exist there; every line of its ```text and ```verilog blocks (output) must appear inside one of those
 * lines (a test asserts that output). Run by `make user-project`:
 *
 * <pre>java .ci/GuideSnippets.java docs/guide.md examples/user-project</pre>
 */
public final class GuideSnippets {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java .ci/GuideSnippets.java <guide.md> <project dir>");
            System.exit(2);
        }
        Path guide = Path.of(args[0]);
        Path project = Path.of(args[1]);
        Set<String> known = new HashSet<>();
        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : files.filter(GuideSnippets::isSource).toList()) {
                for (String line : Files.readAllLines(f)) known.add(line.strip());
            }
        }
        List<String> knownLines = List.copyOf(known);
        List<String> missing = new ArrayList<>();
        List<String> lines = Files.readAllLines(guide);
        boolean inCode = false, inOutput = false, inOther = false;
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                if (inCode || inOutput || inOther) {
                    inCode = inOutput = inOther = false;
                } else if (line.equals("```java") || line.equals("```xml")) {
                    inCode = true;
                } else if (line.equals("```text") || line.equals("```verilog")) {
                    inOutput = true;
                } else {
                    inOther = true;
                }
            } else if (inCode && !line.isEmpty()) {
                checked++;
                if (!known.contains(line)) missing.add(guide + ":" + (i + 1) + ": not a line of " + project + ": " + line);
            } else if (inOutput && !line.isEmpty()) {
                checked++;
                String output = line;
                if (knownLines.stream().noneMatch(k -> k.contains(output))) {
                    missing.add(guide + ":" + (i + 1) + ": output no test of " + project + " asserts: " + line);
                }
            }
        }
        if (!missing.isEmpty()) {
            missing.forEach(System.err::println);
            System.err.println(missing.size() + " snippet line(s) of " + guide + " do not match " + project + "; update the guide.");
            System.exit(1);
        }
        System.out.println(guide + ": all " + checked + " snippet and output lines match " + project + ".");
    }

    private static boolean isSource(Path p) {
        String name = p.getFileName().toString();
        return (name.endsWith(".java") || name.endsWith(".xml")) && !p.toString().contains("/target/");
    }
}
