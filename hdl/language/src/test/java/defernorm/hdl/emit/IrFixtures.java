package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static defernorm.hdl.ir.Node.BinaryOp.*;
import static defernorm.hdl.ir.Node.UnaryOp.*;

/**
 * Small designs built directly as IR records (module names start with {@code Ir} so they never clash with
 * the DSL examples' golden files). Together they use every node kind and op in both signednesses.
 */
public final class IrFixtures {
    private IrFixtures() {}

    public static Map<String, Design> all() {
        Map<String, Design> m = new LinkedHashMap<>();
        for (Design d : List.of(counter(), mac(), fifo(), regFile(), macPair(), allOps(), edges(), wrapping())) m.put(d.top(), d);
        return m;
    }

    private static final Type B = Type.bool();

    /** 8-bit counter with enable that wraps. */
    public static Design counter() {
        IrBuilder b = new IrBuilder("IrCounter");
        String en = b.in("en", B);
        b.out("count", Type.uint(8), "count_q");
        String one = b.lit("_c1", Type.uint(8), 1);
        String sum = b.bin("_add_1f", ADD, Type.uint(9), "count_q", one);
        String next = b.resize("_rsz_2a", Type.uint(8), sum);
        b.reg("count_q", Type.uint(8), next, en, 0L);
        return new Design("IrCounter", List.of(b.build()));
    }

    public static ModuleIr macModule() {
        IrBuilder b = new IrBuilder("IrMac");
        String a = b.in("a", Type.sint(8));
        String x = b.in("b", Type.sint(8));
        String clear = b.in("clear", B);
        String valid = b.in("valid", B);
        b.out("acc", Type.sint(24), "acc_q");
        b.out("negative", B, b.slice("_sign", "acc_q", 23, 23));
        String prod = b.bin("prod", MUL, Type.sint(16), a, x);
        String wide = b.resize("_ext_11", Type.sint(24), prod);
        String sum = b.bin("_add_3c", ADD, Type.sint(25), "acc_q", wide);
        String trunc = b.resize("_rsz_4d", Type.sint(24), sum);
        String zero = b.lit("_c0", Type.sint(24), 0);
        String next = b.mux("_mux_5e", Type.sint(24), clear, zero, trunc);
        String en = b.bin("_or_6f", OR, B, clear, valid);
        b.reg("acc_q", Type.sint(24), next, en, 0L);
        b.debug("prod");
        return b.build();
    }

    /** Signed int8 multiply-accumulate with clear. */
    public static Design mac() { return new Design("IrMac", List.of(macModule())); }

    /** 4-deep, 8-bit FIFO on a memory; valid/ready on both sides. */
    public static Design fifo() {
        IrBuilder b = new IrBuilder("IrFifo");
        String inValid = b.in("in_valid", B);
        String inData = b.in("in_data", Type.uint(8));
        String outReady = b.in("out_ready", B);
        b.out("in_ready", B, "_not_full");
        b.out("out_valid", B, "out_valid_q");
        b.out("out_data", Type.uint(8), "rd_word");
        String count = "count_q";
        String four = b.lit("_c4", Type.uint(3), 4);
        String full = b.bin("_eq_full", EQ, B, count, four);
        String notFull = b.un("_not_full", NOT, B, full);
        String push = b.bin("push", AND, B, inValid, notFull);
        String zero3 = b.lit("_c0", Type.uint(3), 0);
        String nonEmpty = b.bin("_ne_empty", NE, B, count, zero3);
        String outFree = b.un("_not_ov", NOT, B, "out_valid_q");
        String canLoad = b.bin("_or_load", OR, B, outReady, outFree);
        String pop = b.bin("pop", AND, B, nonEmpty, canLoad);
        // pointers
        String one2 = b.lit("_c1_2", Type.uint(2), 1);
        String wpInc = b.resize("_rsz_wp", Type.uint(2), b.bin("_add_wp", ADD, Type.uint(3), "wp_q", one2));
        b.reg("wp_q", Type.uint(2), wpInc, push, 0L);
        String rpInc = b.resize("_rsz_rp", Type.uint(2), b.bin("_add_rp", ADD, Type.uint(3), "rp_q", one2));
        b.reg("rp_q", Type.uint(2), rpInc, pop, 0L);
        // count: +push -pop
        String one3 = b.lit("_c1_3", Type.uint(3), 1);
        String up = b.resize("_rsz_up", Type.uint(3), b.bin("_add_up", ADD, Type.uint(4), count, one3));
        String down = b.cast("_cast_dn", Type.uint(3),
                b.resize("_rsz_dn", Type.sint(3), b.bin("_sub_dn", SUB, Type.sint(4), count, one3)));
        String onlyPush = b.bin("_only_push", GT, B, push, pop);
        String onlyPop = b.bin("_only_pop", LT, B, push, pop);
        String n1 = b.mux("_mux_dn", Type.uint(3), onlyPop, down, count);
        String n2 = b.mux("_mux_up", Type.uint(3), onlyPush, up, n1);
        b.reg(count, Type.uint(3), n2, null, 0L);
        b.memory("store", 8, 4, List.of(), push, "wp_q", inData);
        b.memRead("rd_word", Type.uint(8), "store", "rp_q", pop);
        String ovNext = b.bin("_or_ov", OR, B, pop, b.bin("_and_hold", AND, B, "out_valid_q", b.un("_not_rdy", NOT, B, outReady)));
        b.reg("out_valid_q", B, ovNext, null, 0L);
        return new Design("IrFifo", List.of(b.build()));
    }

    /** 5 x 16-bit register file (not a power of two: guarded), initial contents, one write and two reads. */
    public static Design regFile() {
        IrBuilder b = new IrBuilder("IrRegFile");
        String we = b.in("we", B);
        String wa = b.in("waddr", Type.uint(3));
        String wd = b.in("wdata", Type.uint(16));
        String ra = b.in("raddr_a", Type.uint(3));
        String rb = b.in("raddr_b", Type.uint(3));
        String rbEn = b.in("rb_en", B);
        b.out("rdata_a", Type.uint(16), "rd_a");
        b.out("rdata_b", Type.sint(16), "rd_b");
        List<BigInteger> init = List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(0xBEEF), BigInteger.ZERO,
                BigInteger.valueOf(65535));
        b.memory("regs", 16, 5, init, we, wa, wd);
        b.memRead("rd_a", Type.uint(16), "regs", ra, null);
        b.memRead("rd_b", Type.sint(16), "regs", rb, rbEn);
        return new Design("IrRegFile", List.of(b.build()));
    }

    /** Two {@code IrMac} children; their {@code negative} outputs are not read (unused pin wires). */
    public static Design macPair() {
        IrBuilder b = new IrBuilder("IrMacPair");
        String a = b.in("a", Type.sint(8));
        String x = b.in("b", Type.sint(8));
        String clear = b.in("clear", B);
        String valid = b.in("valid", B);
        b.out("sum", Type.sint(25), "_add_sum");
        b.out("lo_byte", Type.uint(8), "_slice_lo");
        String acc0 = b.instOut("u_mac0_acc", Type.sint(24), "u_mac0", "acc");
        String acc1 = b.instOut("u_mac1_acc", Type.sint(24), "u_mac1", "acc");
        b.bin("_add_sum", ADD, Type.sint(25), acc0, acc1);
        b.slice("_slice_lo", acc0, 7, 0);
        String negB = b.resize("_rsz_nb", Type.sint(8), b.un("_neg_b", NEG, Type.sint(9), x));
        b.instance("u_mac0", "IrMac", "a", a, "b", x, "clear", clear, "valid", valid);
        b.instance("u_mac1", "IrMac", "a", a, "b", negB, "clear", clear, "valid", valid);
        return new Design("IrMacPair", List.of(macModule(), b.build()));
    }

    /** Combinational: every op in UInt and SInt; some input bits unused. */
    public static Design allOps() {
        IrBuilder b = new IrBuilder("IrAllOps");
        String ua = b.in("ua", Type.uint(8));
        String ub = b.in("ub", Type.uint(8));
        String sa = b.in("sa", Type.sint(8));
        String sb = b.in("sb", Type.sint(8));
        String amt = b.in("amt", Type.uint(3));
        String wide = b.in("wide", Type.uint(70));
        String sel = b.in("sel", B);
        b.out("u_add", Type.uint(9), b.bin("_u_add", ADD, Type.uint(9), ua, ub));
        b.out("s_add", Type.sint(9), b.bin("_s_add", ADD, Type.sint(9), sa, sb));
        b.out("u_sub", Type.sint(9), b.bin("_u_sub", SUB, Type.sint(9), ua, ub));
        b.out("s_sub", Type.sint(9), b.bin("_s_sub", SUB, Type.sint(9), sa, sb));
        b.out("u_mul", Type.uint(11), b.bin("_u_mul", MUL, Type.uint(11), ua, amt));
        b.out("s_mul", Type.sint(16), b.bin("_s_mul", MUL, Type.sint(16), sa, sb));
        b.out("bits", Type.uint(8), b.bin("_xor", XOR, Type.uint(8), b.bin("_and", AND, Type.uint(8), ua, ub),
                b.bin("_or", OR, Type.uint(8), ua, b.un("_not", NOT, Type.uint(8), ub))));
        b.out("s_and", Type.sint(8), b.bin("_s_and", AND, Type.sint(8), sa, sb));
        String cmp = b.cat("_cmp", Type.uint(10),
                b.bin("_u_lt", LT, B, ua, ub), b.bin("_u_le", LE, B, ua, ub), b.bin("_u_gt", GT, B, ua, ub),
                b.bin("_u_ge", GE, B, ua, ub), b.bin("_s_lt", LT, B, sa, sb), b.bin("_s_le", LE, B, sa, sb),
                b.bin("_s_gt", GT, B, sa, sb), b.bin("_s_ge", GE, B, sa, sb), b.bin("_s_eq", EQ, B, sa, sb),
                b.bin("_u_ne", NE, B, ua, ub));
        b.out("cmp", Type.uint(10), cmp);
        b.out("u_shl", Type.uint(8), b.bin("_u_shl", SHL, Type.uint(8), ua, amt));
        b.out("u_shr", Type.uint(8), b.bin("_u_shr", SHR, Type.uint(8), ua, amt));
        b.out("s_shl", Type.sint(8), b.bin("_s_shl", SHL, Type.sint(8), sa, amt));
        b.out("s_shr", Type.sint(8), b.bin("_s_shr", SHR, Type.sint(8), sa, amt));
        b.out("u_neg", Type.sint(9), b.un("_u_neg", NEG, Type.sint(9), ua));
        b.out("s_neg", Type.sint(9), b.un("_s_neg", NEG, Type.sint(9), sa));
        b.out("reduce", Type.uint(3), b.cat("_red", Type.uint(3), b.un("_andr", AND_REDUCE, B, ua),
                b.un("_orr", OR_REDUCE, B, sa), b.un("_xorr", XOR_REDUCE, B, ub)));
        b.out("s_ext", Type.sint(12), b.resize("_s_ext", Type.sint(12), sa));
        b.out("u_ext", Type.uint(12), b.resize("_u_ext", Type.uint(12), ub));
        b.out("s_trunc", Type.sint(4), b.resize("_s_trunc", Type.sint(4), sb));
        b.out("to_s", Type.sint(8), b.cast("_to_s", Type.sint(8), ub));
        b.out("to_u", Type.uint(8), b.cast("_to_u", Type.uint(8), sb));
        b.out("mux", Type.sint(8), b.mux("_mux", Type.sint(8), sel, sa, sb));
        b.out("wide_hi", Type.uint(6), b.slice("_wide_hi", wide, 69, 64));
        b.out("wide_mid", Type.uint(4), b.slice("_wide_mid", wide, 35, 32));
        b.out("wide_k", Type.uint(70), b.lit("_wide_k", Type.uint(70), -1L >>> 1));
        b.out("s_k", Type.sint(8), b.lit("_s_k", Type.sint(8), -128));
        b.out("s_k5", Type.sint(8), b.lit("_s_k5", Type.sint(8), -5));
        b.out("sel_n", B, b.wire("sel_named", B, b.un("_not_sel", NOT, B, sel)));
        b.out("s1", Type.sint(3), b.resize("_s1", Type.sint(3), b.cast("_s1c", Type.sint(1), sel)));
        return new Design("IrAllOps", List.of(b.build()));
    }

    /**
     * Corner cases: an input nothing reads, a partly read child output, an unread child output, 1-bit and
     * 3-deep memories, SInt(1) arithmetic, a register with neither reset nor enable, an unread debug net.
     */
    public static Design edges() {
        IrBuilder c = new IrBuilder("IrComb");
        String p = c.in("p", Type.uint(4));
        c.out("q", Type.uint(4), c.un("_not_p", NOT, Type.uint(4), p));
        c.out("r", B, c.un("_and_p", AND_REDUCE, B, p));
        ModuleIr comb = c.build();

        IrBuilder b = new IrBuilder("IrEdges");
        b.in("x", Type.uint(8));
        String y = b.in("y", Type.uint(8));
        String amt = b.in("amt", Type.uint(2));
        String cq = b.instOut("cq", Type.uint(4), "u_comb", "q");
        b.out("q0", B, b.slice("_q0", cq, 0, 0));
        String y30 = b.slice("_y30", y, 3, 0);
        b.instance("u_comb", "IrComb", "p", y30);
        String y0 = b.slice("_y0", y, 0, 0);
        String y1 = b.slice("_y1", y, 1, 1);
        b.memory("m1", 1, 1, List.of(BigInteger.ONE), y0, y1, y0);
        b.out("m1_out", B, b.memRead("m1_rd", B, "m1", y1, null));
        String a54 = b.slice("_y54", y, 5, 4);
        String d75 = b.slice("_y75", y, 7, 5);
        b.memory("m3", 3, 3, List.of(), y0, a54, d75);
        b.out("m3_out", Type.uint(3), b.memRead("m3_rd", Type.uint(3), "m3", a54, y1));
        String s1 = b.cast("_s1", Type.sint(1), b.slice("_y6", y, 6, 6));
        String t1 = b.cast("_t1", Type.sint(1), y1);
        b.out("s_neg", Type.sint(2), b.un("_s_neg1", NEG, Type.sint(2), s1));
        b.out("s_shr", Type.sint(1), b.bin("_s_shr1", SHR, Type.sint(1), s1, amt));
        b.out("s_lt", B, b.bin("_s_lt1", LT, B, s1, t1));
        b.out("s_add", Type.sint(2), b.bin("_s_add1", ADD, Type.sint(2), s1, t1));
        b.out("u_mul", Type.uint(2), b.bin("_u_mul1", MUL, Type.uint(2), y0, y1));
        b.out("s_mul", Type.sint(2), b.bin("_s_mul1", MUL, Type.sint(2), s1, t1));
        b.out("plain_q", Type.uint(3), b.reg("plain_q_r", Type.uint(3), d75, null, null));
        b.wire("dbg", Type.uint(4), b.bin("_dbg_x", XOR, Type.uint(4), y30, cq));
        b.debug("dbg");
        return new Design("IrEdges", List.of(comb, b.build()));
    }

    /**
     * Truncated arithmetic, spelled as wrapping operations of the truncation's width: signed and unsigned add,
     * subtract, negation and multiply (mixed operand widths), a slice [w-1:0], a registered 32-bit accumulating
     * chain; and the truncations that must stay a wide net and a part select (named, read twice, debug, narrower
     * than the operands).
     */
    public static Design wrapping() {
        IrBuilder b = new IrBuilder("IrWrapping");
        String sa = b.in("sa", Type.sint(8));
        String sb = b.in("sb", Type.sint(8));
        String ua = b.in("ua", Type.uint(8));
        String ub = b.in("ub", Type.uint(8));
        String s6 = b.in("s6", Type.sint(6));
        String u3 = b.in("u3", Type.uint(3));
        String p = b.in("p", Type.sint(16));
        b.out("s_add", Type.sint(8), b.resize("_s_add_t", Type.sint(8), b.bin("_s_add", ADD, Type.sint(9), sa, sb)));
        b.out("u_add", Type.uint(8), b.slice("_u_add_t", b.bin("_u_add", ADD, Type.uint(9), ua, ub), 7, 0));
        b.out("u_sub", Type.sint(8), b.resize("_u_sub_t", Type.sint(8), b.bin("_u_sub", SUB, Type.sint(9), ua, ub)));
        b.out("s_sub", Type.sint(8), b.resize("_s_sub_t", Type.sint(8), b.bin("_s_sub", SUB, Type.sint(9), sa, sb)));
        b.out("u_neg", Type.sint(8), b.resize("_u_neg_t", Type.sint(8), b.un("_u_neg", NEG, Type.sint(9), ua)));
        b.out("s_neg", Type.sint(8), b.resize("_s_neg_t", Type.sint(8), b.un("_s_neg", NEG, Type.sint(9), sa)));
        b.out("s_mul", Type.sint(10), b.resize("_s_mul_t", Type.sint(10), b.bin("_s_mul", MUL, Type.sint(14), sa, s6)));
        b.out("u_mul", Type.uint(9), b.slice("_u_mul_t", b.bin("_u_mul", MUL, Type.uint(11), ua, u3), 8, 0));
        // acc_q <= acc_q + p + p, each sum truncated to 32 bits
        String ext = b.resize("_p_ext", Type.sint(32), p);
        String s1 = b.resize("_sum1_t", Type.sint(32), b.bin("_sum1", ADD, Type.sint(33), "acc_q", ext));
        String s2 = b.resize("_sum2_t", Type.sint(32), b.bin("_sum2", ADD, Type.sint(33), s1, ext));
        b.out("acc", Type.sint(32), b.reg("acc_q", Type.sint(32), s2, null, 0L));
        // kept wide: a named sum, a sum read twice, a debug sum, a sum truncated below its operands' width
        b.out("named_t", Type.sint(8), b.resize("_named_t", Type.sint(8), b.bin("sum_named", ADD, Type.sint(9), sa, sb)));
        String twice = b.bin("_twice", ADD, Type.uint(9), ua, ub);
        b.out("twice_t", Type.uint(8), b.resize("_twice_t", Type.uint(8), twice));
        b.out("twice", Type.uint(9), twice);
        b.debug(b.bin("_dbg_sum", SUB, Type.sint(9), sa, sb));
        b.out("dbg_t", Type.sint(8), b.resize("_dbg_t", Type.sint(8), "_dbg_sum"));
        b.out("narrow", Type.uint(4), b.resize("_narrow_t", Type.uint(4), b.bin("_narrow", ADD, Type.uint(9), ua, ub)));
        return new Design("IrWrapping", List.of(b.build()));
    }
}
