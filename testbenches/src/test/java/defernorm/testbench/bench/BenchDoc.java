package defernorm.testbench.bench;

/**
 * docs/benchmarks.md, shared by the benchmarks: each owns the text between its markers
 * {@code <!-- bench:NAME:begin -->} and {@code <!-- bench:NAME:end -->} and leaves the rest as it is.
 */
final class BenchDoc {
    private BenchDoc() {}

    static String begin(String name) {
        return "<!-- bench:" + name + ":begin -->";
    }

    static String end(String name) {
        return "<!-- bench:" + name + ":end -->";
    }

    /** {@code doc} with section {@code name} (markers included) replaced by {@code section}, or with it appended. */
    static String replaceSection(String doc, String name, String section) {
        String begin = begin(name);
        String end = end(name);
        int b = doc.indexOf(begin);
        int e = doc.indexOf(end, Math.max(b, 0));
        if (b >= 0 && e > b) {
            int after = e + end.length() + (doc.startsWith("\n", e + end.length()) ? 1 : 0);
            return doc.substring(0, b) + section + doc.substring(after);
        }
        return doc + (doc.endsWith("\n\n") ? "" : doc.endsWith("\n") ? "\n" : "\n\n") + section;
    }
}
