package defernorm.hdl;

/**
 * The side a module takes in a {@link PortGroup}: the {@code MASTER} drives the fields declared as driven by
 * the master (e.g. AXI4-Stream {@code tvalid}, {@code tdata}), the {@code SLAVE} the others (e.g. {@code tready}).
 */
public enum Role {
    MASTER, SLAVE;

    public Role flipped() { return this == MASTER ? SLAVE : MASTER; }
}
