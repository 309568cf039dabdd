package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.cosim.support.VcdWriter;
import defernorm.hdl.ir.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dumps a machine's nets to a VCD file with the Verilog's names: the ports in scope {@code TOP}, every net
 * of the top module in {@code TOP.<top>}, and a child's nets in a nested scope named after its instance.
 * One identifier per net, as Verilator writes it: a net seen under several names (a port inside and outside
 * its module, {@code clk} and {@code rst} in every clocked scope) is declared under each with the same code.
 * Compiler temporaries (names starting with {@code _}, see the HDL's net namer) go in a scope
 * {@value #TEMPORARIES} inside their module, out of the way of the named nets.
 * Each cycle {@code c} is 10 time units: the settled values with {@code clk} low at {@code 10c}, the rising
 * edge and the values after it at {@code 10c + 5}.
 */
final class WaveRecorder implements AutoCloseable {
    /** The scope, inside each module's, that holds its compiler-generated temporaries. */
    static final String TEMPORARIES = "_temporaries";

    private final Machine machine;
    private final VcdWriter vcd;
    private final List<int[]> vars = new ArrayList<>();   // {vcd handle, offset, words}
    private final List<Integer> clocks = new ArrayList<>();
    /** The VCD handle of each net already declared, by its offset in the state array. */
    private final Map<Integer, Integer> declared = new HashMap<>();
    /**
     * The values at the previous dump. Only the nets that differ from it are handed to the writer (it would
     * skip the others too, but after a lookup per net): with tens of thousands of nets a dump then costs a
     * scan of the state array instead of a cache miss per net. Same file, byte for byte.
     */
    private final long[] shadow;
    private final ChangedNets changes;
    private final int[] changedCount = new int[1];
    /** The time of the first dump: every dump at that time writes every net, as the writer's initial dump does. */
    private long firstTime = -1;

    WaveRecorder(Machine machine, Path file) {
        this.machine = machine;
        this.vcd = VcdWriter.open(file);
        this.shadow = new long[machine.v.length];
        FlatDesign flat = machine.flat;
        List<String> topScope = List.of("TOP");
        if (flat.clocked()) clocks.add(vcd.addVar(topScope, "clk", 1));
        for (Node.Input in : flat.inputs()) add(topScope, in.name(), in.name());
        for (Node.Output out : flat.outputs()) add(topScope, out.name(), out.name());
        for (List<String> path : flat.clockedScopes()) {
            List<String> scope = scopeOf(flat, path);
            if (clocks.isEmpty()) clocks.add(vcd.addVar(scope, "clk", 1));
            else vcd.addAlias(scope, "clk", clocks.get(0));
            add(scope, "rst", Flattener.RST);
        }
        for (FlatNode f : flat.nodes()) {
            if (f.node().name().equals(Flattener.RST) && f.scope().isEmpty()) continue;
            List<String> scope = scopeOf(flat, f.scope());
            if (f.localName().startsWith("_")) scope.add(TEMPORARIES);
            add(scope, f.localName(), f.node().name());
        }
        changes = new ChangedNets(vars.stream().map(var -> new int[] {var[1], var[2]}).toList(), shadow.length);
    }

    private static List<String> scopeOf(FlatDesign flat, List<String> path) {
        List<String> scope = new ArrayList<>();
        scope.add("TOP");
        scope.add(flat.top());
        scope.addAll(path);
        return scope;
    }

    private void add(List<String> scope, String local, String net) {
        int offset = machine.slots.offset(net);
        Integer seen = declared.get(offset);
        if (seen != null) {
            vcd.addAlias(scope, local, seen);
            return;
        }
        int width = machine.slots.type(net).width();
        int handle = vcd.addVar(scope, local, width);
        declared.put(offset, handle);
        vars.add(new int[] {handle, offset, Words.count(width)});
    }

    /** Writes the current (settled) values at {@code time} with the clock at {@code clk}. */
    void dump(long time, int clk) {
        vcd.time(time);
        for (int c : clocks) vcd.value(c, clk);
        long[] v = machine.v;
        if (firstTime < 0) firstTime = time;
        if (time == firstTime) {
            for (int i = 0; i < vars.size(); i++) write(i, v);
        } else {
            int[] changed = changes.find(v, shadow, changedCount);
            for (int i = 0; i < changedCount[0]; i++) write(changed[i], v);   // in declaration order, as before
        }
        System.arraycopy(v, 0, shadow, 0, v.length);
    }

    private void write(int index, long[] v) {
        int[] var = vars.get(index);
        if (var[2] == 1) vcd.value(var[0], v[var[1]]);
        else vcd.value(var[0], v, var[1]);
    }

    @Override public void close() { vcd.close(); }
}
