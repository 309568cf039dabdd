package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import defernorm.hdl.*;} always works: no public type shadows a {@code java.lang} one, and the guide's example compiles. */
class LibraryNamesTest {
    @TempDir Path work;

    @Test void noPublicTypeHasTheSimpleNameOfAJavaLangType() throws IOException, URISyntaxException {
        Path dir = Path.of(Component.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("defernorm/hdl");
        List<String> checked = new ArrayList<>(), clashes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")
                    && !p.getFileName().toString().equals("package-info.class")).toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                Class<?> c = load("defernorm.hdl." + simple);
                if (!Modifier.isPublic(c.getModifiers())) continue;
                checked.add(simple);
                if (load("java.lang." + simple) != null) clashes.add(simple);
            }
        }
        assertTrue(checked.containsAll(List.of("Component", "Signal", "Vec", "Shape", "Fields", "Elaborator")), checked.toString());
        assertEquals(List.of(), clashes);
    }

    @Test void theFirstExampleOfTheLanguageDocCompilesAsPasted() throws IOException {
        String doc = Files.readString(Path.of("../../docs/hdl.md"));
        int start = doc.indexOf("```java\n") + "```java\n".length();
        String source = doc.substring(start, doc.indexOf("```", start));
        assertTrue(source.contains("import defernorm.hdl.*;"), source);
        Path file = work.resolve("Counter.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null, List.of("-classpath", System.getProperty("java.class.path"), "-d", work.toString()),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(file)).call();
        assertTrue(ok, out.toString());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, LibraryNamesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
