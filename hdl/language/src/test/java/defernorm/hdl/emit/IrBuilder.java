package defernorm.hdl.emit;

import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link ModuleIr} directly as IR records, for emitter tests that must not depend on the DSL. */
public final class IrBuilder {
    private final String name;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Memory> memories = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();
    private final List<String> debug = new ArrayList<>();

    public IrBuilder(String name) { this.name = name; }

    /** The caller's line in the fixture file, as the DSL's source capture would record it. */
    private static SourceLoc loc() {
        return StackWalker.getInstance().walk(s -> s
                .filter(f -> !f.getClassName().equals(IrBuilder.class.getName()))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName(), f.getLineNumber()))
                .orElse(SourceLoc.UNKNOWN));
    }

    private String add(Node n) { nodes.add(n); return n.name(); }

    public String in(String n, Type t) { return add(new Node.Input(n, t, loc())); }
    public String out(String n, Type t, String src) { return add(new Node.Output(n, t, src, loc())); }
    public String wire(String n, Type t, String src) { return add(new Node.Wire(n, t, src, loc())); }
    public String lit(String n, Type t, long v) { return add(new Node.Const(n, t, BigInteger.valueOf(v), loc())); }
    public String un(String n, Node.UnaryOp op, Type t, String a) { return add(new Node.Unary(n, t, op, a, loc())); }
    public String bin(String n, Node.BinaryOp op, Type t, String a, String b) { return add(new Node.Binary(n, t, op, a, b, loc())); }
    public String slice(String n, String a, int hi, int lo) { return add(new Node.Slice(n, Type.uint(hi - lo + 1), a, hi, lo, loc())); }
    public String cat(String n, Type t, String... args) { return add(new Node.Concat(n, t, List.of(args), loc())); }
    public String mux(String n, Type t, String sel, String a, String b) { return add(new Node.Mux(n, t, sel, a, b, loc())); }
    public String resize(String n, Type t, String a) { return add(new Node.Resize(n, t, a, loc())); }
    public String cast(String n, Type t, String a) { return add(new Node.Cast(n, t, a, loc())); }
    public String reg(String n, Type t, String next, String en, Long reset) {
        return add(new Node.Reg(n, t, next, en, reset == null ? null : BigInteger.valueOf(reset), loc()));
    }
    public String memRead(String n, Type t, String mem, String addr, String en) { return add(new Node.MemRead(n, t, mem, addr, en, loc())); }
    public String instOut(String n, Type t, String inst, String port) { return add(new Node.InstanceOut(n, t, inst, port, loc())); }

    public void memory(String n, int width, int depth, List<BigInteger> init, String we, String wa, String wd) {
        memories.add(new Memory(n, width, depth, init, we, wa, wd, loc()));
    }

    public void instance(String n, String module, String... portNetPairs) {
        List<Instance.Connection> c = new ArrayList<>();
        for (int i = 0; i < portNetPairs.length; i += 2) c.add(new Instance.Connection(portNetPairs[i], portNetPairs[i + 1]));
        instances.add(new Instance(n, module, c, loc()));
    }

    public void debug(String net) { debug.add(net); }

    public ModuleIr build() { return new ModuleIr(name, nodes, memories, instances, debug, loc()); }
}
