package defernorm.hdl.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One emitted Verilog source file holding exactly one module; {@code fileName} is {@code <Module>.v}.
 *
 * <pre>{@code
 * for (VerilogFile f : VerilogEmitter.emit(design, EmitOptions.defaults())) f.writeTo(outDir);
 * }</pre>
 */
public record VerilogFile(String fileName, String text) {

    /** The module this file holds: the file name without {@code .v}. */
    public String moduleName() { return fileName.substring(0, fileName.length() - 2); }

    /** Writes this file into {@code dir} (created if missing), replacing an older copy; returns its path. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(fileName);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + fileName + " into " + dir + ": " + e.getMessage(), e);
        }
    }
}
