package defernorm.testbench.bench;

import defernorm.cosim.bench.AdderTree;
import defernorm.cosim.bench.MacArray;
import defernorm.eda.ProcessRunner;
import defernorm.hdl.Component;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Fresh JVMs running {@link ElaborationRun}, laid out as a user's program is: the language's jar and a jar of the
 * design classes (the AOT cache accepts jars only). With {@link #train}, a JDK 25 AOT cache (JEP 483/514:
 * classes loaded and linked, lambdas resolved, method profiles) recorded from one training run, which later
 * runs map with {@code -XX:AOTCache}.
 *
 * <pre>{@code
 * ElaborationJvm jvm = ElaborationJvm.in(tmp);
 * ElaborationJvm.Sample s = jvm.run("mac16x16", ElaborationJvm.Setup.PLAIN);   // s.wallMs(), s.elaborateNs(), ...
 * }</pre>
 */
final class ElaborationJvm {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private final Path dir;
    private final String classPath;
    private final Path aotCache;

    /** How the JVM is started: as is, with the AOT cache, or with the cache and the flags docs/guide.md recommends. */
    enum Setup {
        PLAIN(List.of()),
        AOT_CACHE(List.of()),
        /** C1 only (no C2 compiler thread competing for the cores of a short run) and the serial collector. */
        AOT_CACHE_SHORT_RUN_FLAGS(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));

        final List<String> flags;

        Setup(List<String> flags) { this.flags = flags; }
    }

    /** One run: whole-process wall time, the three phases inside it, IR nodes, peak heap, process and main-thread CPU time. */
    record Sample(long wallMs, long buildNs, long elaborateNs, long emitNs, int nodes, long peakHeapBytes, long cpuNs, long mainCpuNs) {}

    private ElaborationJvm(Path dir, String classPath) {
        this.dir = dir;
        this.classPath = classPath;
        this.aotCache = dir.resolve("elaboration.aot");
    }

    /** Packs the language and the benchmark designs into jars under {@code dir}. */
    static ElaborationJvm in(Path dir) throws IOException {
        Files.createDirectories(dir);
        // Packed as the artifacts are: the language's entries stored (hdl/language/pom.xml), a user's deflated.
        Path hdl = jarOf(Component.class, dir.resolve("hdl.jar"), null, true);
        Path designs = jarOf(MacArray.class, dir.resolve("designs.jar"), List.of(MacArray.class, AdderTree.class), false);
        Path runner = jarOf(ElaborationRun.class, dir.resolve("runner.jar"), List.of(ElaborationRun.class), false);
        return new ElaborationJvm(dir, hdl + java.io.File.pathSeparator + designs + java.io.File.pathSeparator + runner);
    }

    /** Records the AOT cache from one run on {@code design} (JDK 25's one-step {@code -XX:AOTCacheOutput}). */
    void train(String design) {
        ProcessRunner.Outcome o = ProcessRunner.run(command(design, List.of("-XX:AOTCacheOutput=" + aotCache)), dir, TIMEOUT);
        if (o.exitCode() != 0 || !Files.exists(aotCache)) {
            throw new IllegalStateException("AOT training run on " + design + " failed: " + o.output());
        }
    }

    /** Runs {@code design} (or "empty": a main that only reads its CPU time) in a fresh JVM. */
    Sample run(String design, Setup setup) {
        List<String> options = new ArrayList<>(setup.flags);
        if (setup != Setup.PLAIN) options.add("-XX:AOTCache=" + aotCache);
        List<String> cmd = command(design, options);
        ProcessRunner.Outcome o = ProcessRunner.run(cmd, dir, TIMEOUT);
        if (o.exitCode() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + o.output());
        String[] lines = o.output().strip().split("\n");
        String[] f = lines[lines.length - 1].strip().split(" ");
        return new Sample(o.millis(), Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Integer.parseInt(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
    }

    private List<String> command(String design, List<String> options) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", classPath, ElaborationRun.class.getName(), design, dir.resolve("out-" + design).toString()));
        return cmd;
    }

    /**
     * The jar holding {@code anchor}'s code: the jar itself when it already is one; otherwise {@code jar}, made from
     * the class directory (all of it when {@code classes} is null, else those classes and their nested ones), its
     * entries {@code stored} uncompressed or deflated.
     */
    private static Path jarOf(Class<?> anchor, Path jar, List<Class<?>> classes, boolean stored) throws IOException {
        Path source;
        try {
            source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(source)) return source;
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(source)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = source.relativize(p).toString().replace('\\', '/');
                if (classes != null && classes.stream().noneMatch(c -> name.startsWith(c.getName().replace('.', '/') + ".")
                        || name.startsWith(c.getName().replace('.', '/') + "$"))) continue;
                byte[] bytes = Files.readAllBytes(p);
                JarEntry entry = new JarEntry(name);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(bytes);
                out.closeEntry();
            }
        }
        return jar;
    }
}
