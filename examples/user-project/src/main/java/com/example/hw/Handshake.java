package com.example.hw;

import defernorm.hdl.Port;
import defernorm.hdl.PortGroup;
import defernorm.hdl.Role;
import defernorm.hdl.ir.Type;

/**
 * A valid/ready channel: {@code valid} and {@code data} driven by the sender ({@link Role#MASTER}), {@code ready}
 * by the receiver. A word moves in a cycle where both valid and ready are high.
 *
 * <pre>{@code
 * Handshake in = ports("in0", new Handshake(16), Role.SLAVE);   // in0_valid, in0_ready, in0_data
 * }</pre>
 */
public final class Handshake extends PortGroup {
    public Handshake(int width) {
        field("valid", Type.bool(), Role.MASTER);
        field("ready", Type.bool(), Role.SLAVE);
        field("data", Type.uint(width), Role.MASTER);
    }

    public Port valid() { return port("valid"); }

    public Port ready() { return port("ready"); }

    public Port data() { return port("data"); }
}
