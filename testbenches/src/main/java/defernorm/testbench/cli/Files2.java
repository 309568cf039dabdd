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

    /**
     * Checks, before any work, that {@code file} can be written: not a folder, its folder exists and is
     * writable, and an existing file is writable. {@code option} names the option in the sentence.
     */
    static Path writableFile(Path file, String option) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new UserError(option + " " + file + " is a folder; give a file name such as " + file.resolve("result.json") + ".");
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserError("the folder of " + option + " " + file + " does not exist (" + parent + "); create it first.");
        }
        if (!Files.isWritable(parent)) {
            throw new UserError("the folder of " + option + " " + file + " is not writable (" + parent + ").");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new UserError(option + " " + file + " exists and is not writable.");
        }
        return file;
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
