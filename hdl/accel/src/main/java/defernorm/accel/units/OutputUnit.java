package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.hdl.Mem;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the two output stages ({@link OutputStage}, {@link ScaleUnit}): the first register stage reads
 * one group of the drain bank ({@code in_acc}, combinational from {@code MacArray.rd_data}); the subclass
 * adds the later stages and reads the same group's biases from the unit's own bias memory (G words of Q
 * int32 lanes, lane 0 low, loaded through {@code b_we}, {@code b_addr}, {@code b_data}) in the stage before
 * the bias add, so no bias register travels down the pipeline.
 */
public abstract class OutputUnit extends PipelinedUnit {
    protected final int q;
    protected final int groups;
    protected final int accBits;
    protected Signal valid;
    protected Signal last;
    /** Register stages built so far on the valid path (see {@link #latency()}). */
    private int stages;
    protected final List<Signal> acc = new ArrayList<>();
    protected List<Signal> bias;
    /** The beat's group (the bias word's address), as far down the pipeline as {@link #advanceGroup} moved it. */
    protected Signal group;
    private final Mem biasMem;
    /** The bias memory's write port ({@code b_we}, {@code b_addr}, {@code b_data}). */
    public final WritePort biases;
    /** A drained group: its valid, the token's last group, the group index (null for G = 1), Q accumulators. */
    public final Signal inValid;
    public final Signal inLast;
    public final Signal inGroup;
    public final Signal inAcc;
    /** The output beat: Q int32 lanes ({@code out_valid}, {@code out_last}, {@code out_data}). */
    public final Beat out;
    /** False when the consumer's register (e.g. the top's m_axis register) is the last stage. */
    protected final boolean registeredOutput;
    private final int biasAddrBits;

    protected OutputUnit(String name, int q, int groups, int accBits, boolean registeredOutput) {
        super(name + (registeredOutput ? "" : "_C"));
        this.registeredOutput = registeredOutput;
        if (q < 1 || groups < 1 || accBits < 2) {
            throw new IllegalArgumentException("An output stage needs Q and G of at least 1 and accumulators of at least 2 bits.");
        }
        this.q = q;
        this.groups = groups;
        this.accBits = accBits;
        Signal en = en();
        Mem mem = memory("bias", q * Formats.BIAS_BITS, groups);
        this.biasMem = mem;
        this.biasAddrBits = mem.addrWidth();
        biases = input("b", WritePort.of(mem.addrWidth(), q * Formats.BIAS_BITS));
        mem.write(biases.we(), biases.addr(), biases.data());
        inValid = input("in_valid", Type.bool());
        inLast = input("in_last", Type.bool());
        inGroup = groups > 1 ? input("in_group", Type.uint(mem.addrWidth())) : null;
        group = groups > 1 ? inGroup : lit(0, Type.uint(mem.addrWidth()));
        inAcc = input("in_acc", Type.uint(q * accBits));
        out = output("out", Beat.of(Type.uint(q * Formats.OUT_BITS)));

        // ---- stage 1: drain-bank read --------------------------------------------------------------------------
        List<Signal> lanes = lanes(inAcc, q, Type.sint(accBits));
        for (int j = 0; j < q; j++) acc.add(stage("s1_acc_" + j, lanes.get(j)));
        valid = stage("s1_valid", inValid);
        last = stage("s1_last", inLast);
        stages = 1;
    }

    /** Moves valid and last one register stage on (named {@code name_valid}, {@code name_last}). */
    protected final void advance(String name) {
        valid = stage(name + "_valid", valid);
        last = stage(name + "_last", last);
        stages++;
    }

    /** Width of {@code b_addr} and {@code in_group}. */
    public final int biasAddrBits() { return biasAddrBits; }

    /** Moves the group one register stage on (named {@code name}; a constant when G = 1). */
    protected final void advanceGroup(String name) {
        if (groups > 1) group = stage(name, group);
    }

    /** Reads the group's biases into {@link #bias} through the memory's read register (named {@code name}). */
    protected final void readBias(String name) {
        bias = lanes(biasMem.read(name, group, en()), q, Type.sint(Formats.BIAS_BITS));
    }

    /** Drives {@code out_valid}, {@code out_last} and {@code out_data} (Q int32 lanes) from the last stage. */
    protected final void finish(List<Signal> outLanes) {
        out.data().set(pack(outLanes));
        out.valid().set(valid);
        out.last().set(last);
    }

    /**
     * {@code sat32(v + bias_j)} registered as {@code name_j}: the last stage of both output units. Without
     * a registered output the sum is left combinational for the consumer's register.
     */
    protected final List<Signal> biasAndSaturate(String name, List<Signal> values) {
        List<Signal> out = new ArrayList<>();
        for (int j = 0; j < q; j++) {
            Signal v = values.get(j);
            int w = Math.max(v.width(), Formats.BIAS_BITS);
            Signal sum = v.extend(w).plus(bias.get(j).extend(w));
            Signal sat = saturateSigned(sum, Formats.OUT_BITS);
            out.add(registeredOutput ? stage(name + "_" + j, sat) : sat);
        }
        if (registeredOutput) {
            advance(name);
        } else {
            stages++;   // the consumer's register
        }
        return out;
    }

    static int groupBits(int groups) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(groups - 1));
    }

    /**
     * Register stages from {@code in_acc} to the output register, as built: the drain-bank read, the
     * subclass's stages and the bias-add register (the consumer's when the output is not registered here).
     */
    public final int latency() { return stages; }
}
