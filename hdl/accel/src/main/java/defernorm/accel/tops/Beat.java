package defernorm.accel.tops;

import defernorm.hdl.Signal;

/** A registered beat inside a top: {@code valid}, {@code last} (the token's last beat), {@code data}. */
record Beat(Signal valid, Signal last, Signal data) {}
