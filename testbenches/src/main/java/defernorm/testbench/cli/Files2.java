package defernorm.testbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small file helpers that turn I/O failures into one-sentence {@link UserError}s. */
final class Files2 {
    private Files2() {}

    /** Creates {@code file}'s folder if needed and returns {@code file}. */
    static Path parentReady(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) dir(parent);
        return file;
    }

    /** Creates the folder if needed and returns it. */
    static Path dir(Path dir) {
        try {
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UserError("cannot create the folder " + dir + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("the file " + file + " does not exist.");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " (" + e.getMessage() + ").");
        }
    }

    static void write(Path file, String text) {
        parentReady(file);
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + " (" + e.getMessage() + ").");
        }
    }
}
