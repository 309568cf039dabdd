package defernorm.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Verilator version (part of every cache key) is asked once per installed executable and then read
 * from the cache directory, so a fresh JVM opening a cached model starts no Perl; a changed executable is
 * asked again. A fake {@code verilator} script counts how often it runs.
 */
class ToolVersionCacheTest {
    @TempDir Path tmp;

    @Test void versionIsAskedOncePerExecutableAndAgainWhenItChanges() throws Exception {
        Path runs = tmp.resolve("runs");
        Path exe = tmp.resolve("bin/verilator");
        Files.createDirectories(exe.getParent());
        Files.writeString(exe, "#!/bin/sh\necho x >> " + runs + "\necho 'Verilator 9.1 fake'\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cache = tmp.resolve("cache");

        assertEquals("Verilator 9.1 fake", Tool.VERILATOR.installedCached(exe.toString(), cache).orElseThrow().version());
        assertEquals("Verilator 9.1 fake", Tool.VERILATOR.installedCached(exe.toString(), cache).orElseThrow().version());
        assertEquals(1, Files.readAllLines(runs).size(), "the second lookup must come from the cache");

        Files.writeString(exe, "#!/bin/sh\necho x >> " + runs + "\necho 'Verilator 9.2 fake'\n");
        Files.setLastModifiedTime(exe, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("Verilator 9.2 fake", Tool.VERILATOR.installedCached(exe.toString(), cache).orElseThrow().version());
        assertEquals(2, Files.readAllLines(runs).size(), "an upgraded executable must be asked again");
    }
}
