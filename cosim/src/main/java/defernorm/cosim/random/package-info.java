/**
 * Random designs over the whole IR for differential testing: a {@link defernorm.cosim.random.Genome} of
 * small integer {@link defernorm.cosim.random.Gene}s is turned into a valid design by
 * {@link defernorm.cosim.random.RandomDesign}; {@link defernorm.cosim.random.DesignBatch} puts several side
 * by side for one Verilator build; {@link defernorm.cosim.random.RandomStimulus} makes reproducible inputs;
 * {@link defernorm.cosim.random.ModuleBuilder} builds IR records directly (also handy in tests).
 */
package defernorm.cosim.random;
