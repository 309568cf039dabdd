package defernorm.testbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** rtl-out/bench.json, shared by the benchmarks: each sets its own key and leaves the others' as they are. */
final class BenchJson {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchJson() {}

    /** Sets {@code key} of the object in {@code file} to {@code value} (creating the file and its directory). */
    static void put(Path file, String key, JsonNode value) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        if (Files.exists(file) && JSON.readTree(file.toFile()) instanceof ObjectNode existing) root = existing;
        root.set(key, value);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /** The object at {@code key} of {@code file}, or a new empty one. */
    static ObjectNode get(Path file, String key) throws IOException {
        if (Files.exists(file) && JSON.readTree(file.toFile()).get(key) instanceof ObjectNode o) return o;
        return JSON.createObjectNode();
    }
}
