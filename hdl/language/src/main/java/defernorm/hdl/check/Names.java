package defernorm.hdl.check;

import defernorm.hdl.Diagnostic;
import defernorm.hdl.ir.SourceLoc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name rules: a user name is a letter followed by letters, digits and '_' (a leading '_' is reserved for
 * generated temporaries), is not a Verilog/SystemVerilog keyword nor {@code clk}/{@code rst}, and is unique in
 * its module (ports, wires, registers, memories, memory reads, instances and instance outputs share one space).
 */
public final class Names {

    /** One user-given name: what it names (e.g. {@code wire}) and where it was given; ordered by place. */
    public record Entry(String name, String kind, SourceLoc loc) implements Comparable<Entry> {
        @Override public int compareTo(Entry o) { return loc.compareTo(o.loc); }
    }

    private Names() {}

    /** Why {@code name} is not allowed, as the end of a sentence, or null if it is fine. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "is empty";
        if (name.startsWith("_")) return "starts with '_', which is reserved for generated temporaries";
        if (!legal(name)) return "is not a legal identifier; use letters, digits and '_', starting with a letter";
        if (Keywords.ALL.contains(name)) return "is a Verilog/SystemVerilog keyword; choose another name";
        if (Keywords.IMPLICIT.contains(name)) return "is reserved for the implicit clock and reset, which are added automatically";
        return null;
    }

    /**
     * {@code [A-Za-z][A-Za-z0-9_]*}, as a loop: a regular expression would be compiled and interpreted cold on
     * every elaboration's path, once per name.
     */
    private static boolean legal(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '_')))) return false;
        }
        return !name.isEmpty();
    }

    public static List<Diagnostic> checkModuleName(String name, SourceLoc loc) {
        String p = problem(name);
        return p == null ? List.of() : List.of(Diagnostic.error(loc, "module name '" + name + "' " + p + "."));
    }

    /**
     * Legality of each name and uniqueness across {@code entries} (in any order), reported in source order, a
     * duplicate at the later place. Sorted only when there is something to report: most modules have nothing, and
     * comparing places reads every entry's location.
     */
    public static List<Diagnostic> check(List<Entry> entries) {
        Set<String> distinct = new HashSet<>(2 * entries.size());
        boolean clean = true;
        for (Entry e : entries) clean &= problem(e.name()) == null && distinct.add(e.name());
        if (clean) return List.of();
        List<Entry> byPlace = new ArrayList<>(entries);
        Collections.sort(byPlace);   // no comparator lambda: each costs milliseconds in a cold JVM
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Entry> seen = new HashMap<>();
        for (Entry e : byPlace) {
            String p = problem(e.name());
            if (p != null) {
                out.add(Diagnostic.error(e.loc(), e.kind() + " name '" + e.name() + "' " + p + "."));
                continue;
            }
            Entry first = seen.putIfAbsent(e.name(), e);
            if (first != null) {
                out.add(Diagnostic.error(e.loc(), e.kind() + " name '" + e.name() + "' is already used by the "
                        + first.kind() + " declared at " + first.loc() + "."));
            }
        }
        return out;
    }
}
