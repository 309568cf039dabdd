package defernorm.hdl;

import defernorm.hdl.check.CombinationalLoops;
import defernorm.hdl.check.UnusedInputs;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Elaborates a module tree into a {@link Design}: lowers each module to IR, runs every design-rule check and
 * reports all problems together. Bad input never produces a Design.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(new Counter(8));          // warnings go to stderr; errors throw HdlException
 * Design q = Elaborator.elaborate(new Counter(8), w -> {}); // opt out of the warnings (or collect them)
 * Elaboration e = Elaborator.elaborateWithWarnings(new Counter(8));
 * e.warnings().forEach(System.out::println);              // e.g. "Counter.java:9: warning: input 'x' ..."
 * }</pre>
 *
 * Identical child modules (same name, same netlist) appear once in the design; different netlists given one
 * name get stable suffixes ({@link ModuleNames}: {@code Width_1f3a09c2}, {@code Width_77b2e410}).
 */
public final class Elaborator {
    private final Set<Component> done = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ModuleNames names = new ModuleNames();
    private final Set<Diagnostic> problems = new LinkedHashSet<>();

    private Elaborator() {}

    /**
     * Elaborates {@code top}; throws {@link HdlException} if there is any error. Each warning is printed once to
     * standard error as {@code File.java:line: warning: ...}.
     */
    public static Design elaborate(Component top) {
        Elaboration e = elaborateWithWarnings(top);
        for (Diagnostic w : e.warnings()) System.err.println(w);
        return e.design();
    }

    /** Elaborates {@code top}, handing each warning to {@code onWarning} (e.g. {@code w -> {}} to drop them). */
    public static Design elaborate(Component top, Consumer<Diagnostic> onWarning) {
        Elaboration e = elaborateWithWarnings(top);
        for (Diagnostic w : e.warnings()) onWarning.accept(w);
        return e.design();
    }

    /** Elaborates {@code top} and returns the design with its warnings; throws on any error. */
    public static Elaboration elaborateWithWarnings(Component top) {
        if (top instanceof BlackBox) {
            throw new HdlException(Diagnostic.error(top.b.loc, "black box '" + top.name() + "' cannot be the top module;"
                    + " instantiate it in a component."));
        }
        Elaborator e = new Elaborator();
        e.visit(top);
        List<ModuleIr> modules = e.names.modules();
        Design design = new Design(e.names.nameOf(top), modules);
        e.problems.addAll(e.names.problems());
        e.problems.addAll(CombinationalLoops.check(design));
        for (ModuleIr m : modules) e.problems.addAll(UnusedInputs.check(m));
        // Loops, not streams and comparator lambdas: this runs once per elaboration, in a cold JVM.
        List<Diagnostic> errors = new ArrayList<>(), warnings = new ArrayList<>();
        for (Diagnostic d : e.problems) (d.isError() ? errors : warnings).add(d);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Diagnostic::loc));   // by place; stable: same-line problems keep their order
            throw new HdlException(List.copyOf(errors), List.copyOf(warnings));
        }
        return new Elaboration(design, List.copyOf(warnings));
    }

    /**
     * Elaborates {@code root} and every module under it, children before parents. An explicit stack instead
     * of recursion: a hierarchy thousands of levels deep must not overflow the Java stack.
     */
    private void visit(Component root) {
        record Frame(Component m, int nextChild) {}
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, 0));
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            if (done.contains(f.m())) continue;
            List<Inst> children = f.m().b.instances;
            if (f.nextChild() < children.size()) {
                stack.push(new Frame(f.m(), f.nextChild() + 1));
                Inst i = children.get(f.nextChild());
                if (!done.contains(i.child)) stack.push(new Frame(i.child, 0));
                continue;
            }
            elaborateOne(f.m());
        }
    }

    /** Elaborates one module whose children are done, and records it. */
    private void elaborateOne(Component m) {
        ModuleElaboration me = new ModuleElaboration(m.b);
        ModuleIr ir = me.run();
        problems.addAll(me.problems);
        done.add(m);
        names.add(m, ir);
    }
}
