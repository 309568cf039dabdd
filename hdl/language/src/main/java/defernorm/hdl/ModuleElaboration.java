package defernorm.hdl;

import defernorm.hdl.check.Names;
import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one module's builder state into a {@link ModuleIr}: lowers when/switch to multiplexers, drops nets
 * nothing reads, names temporaries structurally (merging identical ones), and runs the per-module checks
 * (names, drivers, latches, unconnected instance inputs). Problems go to {@link #problems}.
 */
final class ModuleElaboration {
    private final Builder b;
    final List<Diagnostic> problems = new ArrayList<>();
    private final Lowering lowering;
    /** Tie-offs for the write port of a memory without one (a ROM). */
    private final Map<Mem, Net[]> romTies = new java.util.IdentityHashMap<>();
    private final List<Net> extra = new ArrayList<>();

    ModuleElaboration(Builder b) {
        this.b = b;
        this.lowering = new Lowering(b, problems);
    }

    ModuleIr run() {
        if (b.module instanceof BlackBox box) return box.toIr(problems);
        for (SwitchChain s : b.enumSwitches) s.warnOnMissingEnumCases();
        problems.addAll(b.problems);
        checkNames();
        lowering.run();
        checkInstances();
        List<Net> live = live();
        return build(live, NetNamer.names(live));
    }

    private void checkNames() {
        List<Names.Entry> entries = new ArrayList<>();
        for (Net n : b.nets) if (n.name != null) entries.add(new Names.Entry(n.name, kind(n), n.nameLoc));
        for (Mem m : b.memories) entries.add(new Names.Entry(m.name, "memory", m.loc));
        for (Inst i : b.instances) entries.add(new Names.Entry(i.name, "instance", i.loc));
        problems.addAll(Names.checkModuleName(b.name, b.loc));
        problems.addAll(Names.check(entries));
    }

    private static String kind(Net n) {
        return switch (n.kind) {
            case INPUT -> "input";
            case OUTPUT -> "output";
            case WIRE -> "wire";
            case REG -> "register";
            case MEMREAD -> "memory read";
            case INSTOUT -> "instance output";
            default -> "signal";
        };
    }

    private void checkInstances() {
        for (Inst i : b.instances) {
            for (Net p : i.child.b.ports) {
                if (p.kind == Net.Kind.INPUT && !i.inputs.containsKey(p.name)) {
                    problems.add(Diagnostic.error(i.loc, "input '" + p.name + "' of instance '" + i.name + "' (module '"
                            + i.child.name() + "') is not connected."));
                }
            }
        }
    }

    /**
     * The net an instance input is wired to. An input set through {@link Inst#port} is a wire of this module;
     * the instance reads that wire's driver directly, so the wire only appears in the Verilog if this module
     * also reads it, and typed connections emit the same Verilog as {@code in("a", s)}.
     */
    private Net source(Inst.Connection c) {
        Net n = c.net();
        if (n.kind != Net.Kind.WIRE || n.inst == null) return n;
        Lowering.Driver d = lowering.drivers.get(n);
        return d == null ? n : d.next();
    }

    private List<Net> operands(Net n) {
        if (n.kind.assignable()) {
            Lowering.Driver d = lowering.drivers.get(n);
            if (d == null) return List.of();
            return d.enable() == null ? List.of(d.next()) : List.of(d.next(), d.enable());
        }
        return n.args;
    }

    private Net[] writePort(Mem m) {
        if (m.wrEnable != null) return new Net[] {m.wrEnable, m.wrAddr, m.wrData};
        return romTies.computeIfAbsent(m, k -> {
            Net[] t = {tie(Type.bool()), tie(Type.uint(m.addrWidth())), tie(Type.uint(m.width))};
            return t;
        });
    }

    private Net tie(Type t) {
        Net n = new Net(b, Net.Kind.CONST, t, b.loc, b.nets.size() + lowering.created.size() + extra.size());
        n.value = BigInteger.ZERO;
        extra.add(n);
        return n;
    }

    /** Every net reachable from the outputs, debug nets and instance inputs, plus all ports; in IR order. */
    private List<Net> live() {
        BitSet seen = new BitSet(b.nets.size() + lowering.created.size());   // by creation index: no identity hashes
        Set<Mem> liveMems = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<Net> work = new ArrayDeque<>();
        for (Net p : b.ports) if (p.kind == Net.Kind.OUTPUT) work.add(p);
        for (Net d : b.debug) work.add(d);   // loops, not ArrayDeque.addAll: its method reference is spun cold
        for (Builder.CheckDecl c : b.checks) {
            work.add(c.condition());
            if (c.enable() != null) work.add(c.enable());
        }
        for (Inst i : b.instances) for (Inst.Connection c : i.inputs.values()) work.add(source(c));
        while (!work.isEmpty()) {
            Net n = work.pop();
            if (seen.get(n.seq)) continue;
            seen.set(n.seq);
            for (Net o : operands(n)) work.add(o);
            if (n.kind == Net.Kind.MEMREAD && liveMems.add(n.mem)) Collections.addAll(work, writePort(n.mem));
        }
        List<Net> ordered = new ArrayList<>(b.ports);
        // creation order (seq) without sorting: the builder's nets, then lowering's multiplexers, then ROM tie-offs
        for (List<Net> made : List.of(b.nets, lowering.created, extra)) {
            for (Net n : made) if (n.kind != Net.Kind.INPUT && n.kind != Net.Kind.OUTPUT && seen.get(n.seq)) ordered.add(n);
        }
        return ordered;
    }

    /** {@code names}: each live net's IR name by creation index ({@link NetNamer#names}). */
    private ModuleIr build(List<Net> live, String[] names) {
        List<Node> nodes = new ArrayList<>();
        Set<String> emitted = new LinkedHashSet<>();
        Set<Mem> mems = new LinkedHashSet<>();
        for (Net n : live) {
            String name = names[n.seq];
            if (!emitted.add(name)) continue;   // structurally identical temporary: already there
            Node node = node(n, name, names);
            if (node != null) nodes.add(node);
            if (n.kind == Net.Kind.MEMREAD) mems.add(n.mem);
        }
        List<Memory> memories = new ArrayList<>();
        for (Mem m : b.memories) {
            if (!mems.contains(m)) continue;
            Net[] w = writePort(m);
            memories.add(new Memory(m.name, m.width, m.depth, m.init, names[w[0].seq], names[w[1].seq], names[w[2].seq], m.loc));
        }
        List<Instance> instances = new ArrayList<>();
        for (Inst i : b.instances) {
            List<Instance.Connection> cs = new ArrayList<>();
            for (Net p : i.child.b.ports) {
                Inst.Connection c = i.inputs.get(p.name);
                if (p.kind == Net.Kind.INPUT && c != null) cs.add(new Instance.Connection(p.name, names[source(c).seq]));
            }
            instances.add(new Instance(i.name, i.child.name(), cs, i.loc));
        }
        Set<String> debug = new LinkedHashSet<>();   // loops, not streams: once per module, cold
        for (Net d : b.debug) debug.add(names[d.seq]);
        List<Check> checks = new ArrayList<>(b.checks.size());
        for (var c : b.checks) {
            checks.add(new Check(c.kind(), c.name(), names[c.condition().seq], c.enable() == null ? null : names[c.enable().seq],
                    c.message(), c.loc()));
        }
        return new ModuleIr(b.name, nodes, memories, instances, new ArrayList<>(debug), checks, null, b.loc);
    }

    private Node node(Net n, String name, String[] names) {
        List<String> args = new ArrayList<>(n.args.size());   // a loop, not a stream: it runs once per node, mostly cold
        for (Net a : n.args) args.add(names[a.seq]);
        return switch (n.kind) {
            case INPUT -> new Node.Input(name, n.type, n.loc);
            case OUTPUT, WIRE -> {
                Lowering.Driver d = lowering.drivers.get(n);
                if (d == null) yield null;   // undriven: already an error
                String src = names[d.next().seq];
                yield n.kind == Net.Kind.OUTPUT ? new Node.Output(name, n.type, src, n.loc)
                        : new Node.Wire(name, n.type, src, d.loc());
            }
            case REG -> {
                Lowering.Driver d = lowering.drivers.get(n);
                if (d == null) yield null;
                yield new Node.Reg(name, n.type, names[d.next().seq], d.enable() == null ? null : names[d.enable().seq],
                        n.value, n.loc);
            }
            case CONST -> new Node.Const(name, n.type, n.value, n.loc);
            case UNARY -> new Node.Unary(name, n.type, n.unaryOp, args.get(0), n.loc);
            case BINARY -> new Node.Binary(name, n.type, n.binaryOp, args.get(0), args.get(1), n.loc);
            case SLICE -> new Node.Slice(name, n.type, args.get(0), n.hi, n.lo, n.loc);
            case CONCAT -> new Node.Concat(name, n.type, args, n.loc);
            case MUX -> new Node.Mux(name, n.type, args.get(0), args.get(1), args.get(2), n.loc);
            case RESIZE -> new Node.Resize(name, n.type, args.get(0), n.loc);
            case CAST -> new Node.Cast(name, n.type, args.get(0), n.loc);
            case MEMREAD -> new Node.MemRead(name, n.type, n.mem.name, args.get(0), args.size() > 1 ? args.get(1) : null, n.loc);
            case INSTOUT -> new Node.InstanceOut(name, n.type, n.inst.name, n.port, n.loc);
        };
    }
}
