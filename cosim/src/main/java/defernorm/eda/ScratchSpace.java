package defernorm.eda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/**
 * One private temporary directory per JVM for the external tools' logs, reports and their own temporaries
 * (tools get it as {@code TMPDIR}, so Yosys's ABC scratch folders land here too). {@link ProcessRunner}'s
 * exit hook kills running tools and then deletes it, so even Ctrl-C during {@code generate --lint} leaves
 * nothing behind in /tmp.
 */
final class ScratchSpace {
    private static Path dir;

    private ScratchSpace() {}

    /** The directory, created on first use. */
    static synchronized Path dir() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) dir = Files.createTempDirectory("defernorm-tools-");
        return dir;
    }

    /** Deletes the directory and everything in it (best effort: this runs while the JVM stops). */
    static synchronized void delete() {
        if (dir == null || !Files.exists(dir)) return;
        // best effort: a tool killed a moment ago may still be removing its files; what remains is in one folder
        FileUtils.deleteQuietly(dir.toFile());
        dir = null;
    }
}
