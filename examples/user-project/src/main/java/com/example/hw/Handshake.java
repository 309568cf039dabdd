package com.example.hw;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A valid/ready channel as a bundle: {@code valid} and {@code data} flow from sender to receiver, {@code ready}
 * (flipped) flows back. A word moves in a cycle where both valid and ready are high. Declared with {@code input}
 * the component receives, with {@code output} it sends.
 *
 * <pre>{@code
 * Handshake in = input("in", Handshake.of(16));     // in_valid, in_data are inputs; in_ready is an output
 * }</pre>
 */
public record Handshake(Signal valid, Signal ready, Signal data) {
    public static Shape<Handshake> of(int width) {
        return f -> new Handshake(f.field(Type.bool()), f.flipped(Type.bool()), f.field(Type.uint(width)));
    }

    /** High in a cycle where a word moves. */
    public Signal fire() { return valid.and(ready); }
}
