package defernorm.examples;

import defernorm.hdl.Mem;
import defernorm.hdl.Component;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Eight 16-bit registers in a memory with initial contents (register i holds 0x1000 + i), one write port and
 * two synchronous read ports (read-first: a read of the register being written returns the old value).
 */
public final class RegisterFile extends Component {
    public static final int WIDTH = 16;
    public static final int DEPTH = 8;

    public RegisterFile() {
        super("RegisterFile");
        Signal we = input("we", Type.bool());
        Signal waddr = input("waddr", Type.uint(3));
        Signal wdata = input("wdata", Type.uint(WIDTH));
        Signal raddrA = input("raddr_a", Type.uint(3));
        Signal raddrB = input("raddr_b", Type.uint(3));
        long[] init = new long[DEPTH];
        for (int i = 0; i < DEPTH; i++) init[i] = 0x1000 + i;
        Mem regs = memory("regs", WIDTH, DEPTH).init(init);
        regs.write(we, waddr, wdata);
        output("rdata_a", Type.uint(WIDTH)).set(regs.read("read_a", raddrA, null));
        output("rdata_b", Type.uint(WIDTH)).set(regs.read("read_b", raddrB, null));
    }
}
