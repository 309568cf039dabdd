package defernorm.hdl.ir;

/**
 * Where in the user's Java source a node was created: the first stack frame outside the HDL library.
 * Printed as {@code File.java:42}.
 */
public record SourceLoc(String file, int line) implements Comparable<SourceLoc> {
    public static final SourceLoc UNKNOWN = new SourceLoc("<unknown>", 0);

    /* equals and hashCode written out, as in Type: the generated ones are slow until the JIT has compiled them. */
    @Override public boolean equals(Object o) { return o instanceof SourceLoc s && s.line == line && java.util.Objects.equals(s.file, file); }

    @Override public int hashCode() { return 31 * java.util.Objects.hashCode(file) + line; }   // the generated one's value

    /** By file, then line: the order problems and names are reported in. */
    @Override public int compareTo(SourceLoc o) {
        int byFile = file.compareTo(o.file);
        return byFile != 0 ? byFile : Integer.compare(line, o.line);
    }

    @Override public String toString() { return file + ":" + line; }
}
