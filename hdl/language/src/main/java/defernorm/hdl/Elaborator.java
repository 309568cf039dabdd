package defernorm.hdl;

import defernorm.hdl.check.CombinationalLoops;
import defernorm.hdl.check.UnusedInputs;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Identical child modules (same name, same netlist) appear once in the design; two different netlists with
 * one module name are an error.
 */
public final class Elaborator {
    private final Map<Component, ModuleIr> done = new IdentityHashMap<>();
    private final Map<String, ModuleIr> byName = new LinkedHashMap<>();
    private final Map<String, ModuleIr> byNameNoLocs = new LinkedHashMap<>();
    private final Map<String, SourceLoc> firstUse = new LinkedHashMap<>();
    private final Set<Diagnostic> problems = new LinkedHashSet<>();

    /** Problems are listed by file, then line (stable: same-line problems keep the order they were found). */
    private static final java.util.Comparator<Diagnostic> BY_PLACE =
            java.util.Comparator.comparing((Diagnostic d) -> d.loc().file()).thenComparingInt(d -> d.loc().line());

    private Elaborator() {}

    /**
     * Elaborates {@code top}; throws {@link HdlException} if there is any error. Each warning is printed once to
     * standard error as {@code File.java:line: warning: ...}.
     */
    public static Design elaborate(Component top) { return elaborate(top, Elaborator::printWarning); }

    /** Elaborates {@code top}, handing each warning to {@code onWarning} (e.g. {@code w -> {}} to drop them). */
    public static Design elaborate(Component top, Consumer<Diagnostic> onWarning) {
        Elaboration e = elaborateWithWarnings(top);
        e.warnings().forEach(onWarning);
        return e.design();
    }

    private static void printWarning(Diagnostic w) { System.err.println(w); }

    /** Elaborates {@code top} and returns the design with its warnings; throws on any error. */
    public static Elaboration elaborateWithWarnings(Component top) {
        Elaborator e = new Elaborator();
        e.visit(top, top.b.loc);
        List<ModuleIr> modules = List.copyOf(e.byName.values());
        Design design = new Design(top.name(), modules);
        e.problems.addAll(CombinationalLoops.check(design));
        for (ModuleIr m : modules) e.problems.addAll(UnusedInputs.check(m));
        List<Diagnostic> errors = e.problems.stream().filter(Diagnostic::isError)
                .sorted(BY_PLACE).toList();
        List<Diagnostic> warnings = e.problems.stream().filter(d -> !d.isError()).toList();
        if (!errors.isEmpty()) throw new HdlException(errors, warnings);
        return new Elaboration(design, warnings);
    }

    /**
     * Elaborates {@code root} and every module under it, children before parents. An explicit stack instead
     * of recursion: a hierarchy thousands of levels deep must not overflow the Java stack.
     */
    private void visit(Component root, SourceLoc rootUsedAt) {
        record Frame(Component m, SourceLoc usedAt, int nextChild) {}
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, rootUsedAt, 0));
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            if (done.containsKey(f.m())) continue;
            List<Inst> children = f.m().b.instances;
            if (f.nextChild() < children.size()) {
                stack.push(new Frame(f.m(), f.usedAt(), f.nextChild() + 1));
                Inst i = children.get(f.nextChild());
                if (!done.containsKey(i.child)) stack.push(new Frame(i.child, i.loc, 0));
                continue;
            }
            elaborateOne(f.m(), f.usedAt());
        }
    }

    /** Elaborates one module whose children are done, and records it under its name. */
    private void elaborateOne(Component m, SourceLoc usedAt) {
        ModuleElaboration me = new ModuleElaboration(m.b);
        ModuleIr ir = me.run();
        problems.addAll(me.problems);
        done.put(m, ir);
        ModuleIr plain = withoutLocs(ir);
        ModuleIr other = byNameNoLocs.get(ir.name());
        if (other == null) {
            byName.put(ir.name(), ir);
            byNameNoLocs.put(ir.name(), plain);
            firstUse.put(ir.name(), usedAt);
        } else if (!other.equals(plain)) {
            problems.add(Diagnostic.error(usedAt, "module name '" + ir.name() + "' is used by two different netlists"
                    + " (the other one is used at " + firstUse.get(ir.name()) + "); put the parameters in the name,"
                    + " e.g. '" + ir.name() + "_W8'."));
        }
    }

    private static Node unlocated(Node n) {
        SourceLoc u = SourceLoc.UNKNOWN;
        if (n instanceof Node.Input x) return new Node.Input(x.name(), x.type(), u);
        if (n instanceof Node.Output x) return new Node.Output(x.name(), x.type(), x.source(), u);
        if (n instanceof Node.Wire x) return new Node.Wire(x.name(), x.type(), x.source(), u);
        if (n instanceof Node.Const x) return new Node.Const(x.name(), x.type(), x.value(), u);
        if (n instanceof Node.Unary x) return new Node.Unary(x.name(), x.type(), x.op(), x.arg(), u);
        if (n instanceof Node.Binary x) return new Node.Binary(x.name(), x.type(), x.op(), x.a(), x.b(), u);
        if (n instanceof Node.Slice x) return new Node.Slice(x.name(), x.type(), x.arg(), x.hi(), x.lo(), u);
        if (n instanceof Node.Concat x) return new Node.Concat(x.name(), x.type(), x.args(), u);
        if (n instanceof Node.Mux x) return new Node.Mux(x.name(), x.type(), x.sel(), x.ifTrue(), x.ifFalse(), u);
        if (n instanceof Node.Resize x) return new Node.Resize(x.name(), x.type(), x.arg(), u);
        if (n instanceof Node.Cast x) return new Node.Cast(x.name(), x.type(), x.arg(), u);
        if (n instanceof Node.Reg x) return new Node.Reg(x.name(), x.type(), x.next(), x.enable(), x.reset(), u);
        if (n instanceof Node.MemRead x) return new Node.MemRead(x.name(), x.type(), x.memory(), x.addr(), x.enable(), u);
        Node.InstanceOut x = (Node.InstanceOut) n;
        return new Node.InstanceOut(x.name(), x.type(), x.instance(), x.port(), u);
    }

    /** The same module with every source location erased, to compare netlists. */
    static ModuleIr withoutLocs(ModuleIr m) {
        SourceLoc u = SourceLoc.UNKNOWN;
        List<Node> nodes = new ArrayList<>();
        for (Node n : m.nodes()) {
            nodes.add(unlocated(n));
        }
        List<Memory> mems = m.memories().stream().map(x -> new Memory(x.name(), x.width(), x.depth(), x.init(),
                x.wrEnable(), x.wrAddr(), x.wrData(), u)).toList();
        List<Instance> insts = m.instances().stream().map(x -> new Instance(x.name(), x.module(), x.inputs(), u)).toList();
        return new ModuleIr(m.name(), nodes, mems, insts, m.debug(), u);
    }
}
