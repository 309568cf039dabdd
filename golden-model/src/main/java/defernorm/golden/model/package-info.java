/**
 * The bit-accurate model: parameters, the quantized layer configuration the hardware loads, the
 * quantizer from real-valued problems, and the nine datapaths (three ops x three variants) mapping an
 * int8 token to the exact output lane integers. Numerics are specified in {@code docs/numerics.md}.
 */
package defernorm.golden.model;
