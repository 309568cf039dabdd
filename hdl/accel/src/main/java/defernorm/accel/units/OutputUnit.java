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
    protected final int q, groups, accBits;
    /** The beat's valid and last, and the Q accumulator lanes, as far down the pipeline as the stages built so far. */
    protected Signal valid, last;
    protected final List<Signal> acc = new ArrayList<>();
    protected List<Signal> bias;
    /** The beat's group (the bias word's address), as far down the pipeline as {@link #advanceGroup} moved it. */
    protected Signal group;
    /** Register stages built so far on the valid path (see {@link #latency()}). */
    private int stages;
    private final Mem biasMem;
    /** The bias memory's write port ({@code b_we}, {@code b_addr}, {@code b_data}). */
    public final WritePort biases;
    /** A drained group: its valid, the token's last group, the group index (null for G = 1), Q accumulators. */
    public final Signal inValid, inLast, inGroup, inAcc;
    /** The output beat: Q int32 lanes ({@code out_valid}, {@code out_last}, {@code out_data}). */
    public final Beat out;
    /** False when the consumer's register (e.g. the top's m_axis register) is the last stage. */
    protected final boolean registeredOutput;

    protected OutputUnit(String name, int q, int groups, int accBits, boolean registeredOutput) {
        super(name + (registeredOutput ? "" : "_C"));
        this.registeredOutput = registeredOutput;
        if (q < 1 || groups < 1 || accBits < 2) {
            throw new IllegalArgumentException("An output stage needs Q and G of at least 1 and accumulators of at least 2 bits.");
        }
        this.q = q;
        this.groups = groups;
        this.accBits = accBits;
        en();
        biasMem = memory("bias", q * Formats.BIAS_BITS, groups);
        biases = input("b", WritePort.of(biasMem.addrWidth(), q * Formats.BIAS_BITS));
        biasMem.write(biases.we(), biases.addr(), biases.data());
        inValid = input("in_valid", Type.bool());
        inLast = input("in_last", Type.bool());
        inGroup = groups > 1 ? input("in_group", Type.uint(biasMem.addrWidth())) : null;
        group = groups > 1 ? inGroup : lit(0, Type.uint(biasMem.addrWidth()));
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

    /** Moves the group one register stage on (named {@code name}; a constant when G = 1). */
    protected final void advanceGroup(String name) {
        if (groups > 1) group = stage(name, group);
    }

    /** Reads the group's biases into {@link #bias} through the memory's read register (named {@code name}). */
    protected final void readBias(String name) {
        bias = lanes(biasMem.read(name, group, en()), q, Type.sint(Formats.BIAS_BITS));
    }

    /**
     * The last stage of both output units: {@code out_data} = {@code sat32(v + bias_j)} per lane, registered as
     * {@code name_j} (without a registered output left combinational for the consumer's register), with valid and last.
     */
    protected final void finish(String name, List<Signal> values) {
        List<Signal> out = new ArrayList<>();
        for (int j = 0; j < q; j++) {
            Signal sat = saturateSigned(values.get(j).plus(bias.get(j)), Formats.OUT_BITS);
            out.add(registeredOutput ? stage(name + "_" + j, sat) : sat);
        }
        if (registeredOutput) {
            advance(name);
        } else {
            stages++;   // the consumer's register
        }
        this.out.data().set(pack(out));
        this.out.valid().set(valid);
        this.out.last().set(last);
    }

    /**
     * Register stages from {@code in_acc} to the output register, as built: the drain-bank read, the
     * subclass's stages and the bias-add register (the consumer's when the output is not registered here).
     */
    public final int latency() { return stages; }
}
