package com.example.hw;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A bundle: a word and the input it came from, what {@link RoundRobinArbiter}'s output stream carries. Declared
 * inside {@code Stream.of(...)} as the payload of the stream {@code out}, its ports are {@code out_data_word}
 * and {@code out_data_source}.
 *
 * <pre>{@code
 * Stream<Tagged> out = output("out", Stream.of(Tagged.of(Type.uint(16), Type.uint(2))));
 * out.data().word().set(...);
 * }</pre>
 */
public record Tagged(Signal word, Signal source) {
    public static Shape<Tagged> of(Type word, Type source) {
        return f -> new Tagged(f.field(word), f.field(source));
    }
}
