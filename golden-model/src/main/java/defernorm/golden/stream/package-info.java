/**
 * What a testbench compares against: the expected output beats of a token stream, each with its exact
 * handshake cycle (no backpressure), lanes, packed {@code tdata} and {@code tlast}.
 */
package defernorm.golden.stream;
