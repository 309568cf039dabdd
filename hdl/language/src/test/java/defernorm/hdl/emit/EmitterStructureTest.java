package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Specific promises of the emitter, beyond the golden files. */
class EmitterStructureTest {

    private static String text(Design d) { return VerilogEmitter.emit(d).get(d.modules().size() - 1).text(); }

    @Test
    void everyFileHasTheRequiredFrameAndIsNamedAfterItsModule() {
        for (Design d : TestDesigns.all().values()) {
            for (VerilogFile f : VerilogEmitter.emit(d)) {
                assertTrue(f.text().contains("`timescale 1ns/1ps\n`default_nettype none\n"), f.fileName());
                assertTrue(f.text().endsWith("endmodule\n\n`default_nettype wire\n"), f.fileName());
                assertTrue(f.text().contains("\nmodule " + f.moduleName() + " (") || f.text().contains("\nmodule " + f.moduleName() + ";"));
                assertEquals(f.moduleName() + ".v", f.fileName());
            }
        }
    }

    @Test
    void clockedModulesStartWithClkAndRstAndCombinationalOnesHaveNeither() {
        assertTrue(text(IrFixtures.counter()).contains("module IrCounter (\n    input wire clk,\n    input wire rst,\n    input wire en,"));
        assertFalse(text(IrFixtures.allOps()).contains("clk"));
        String pair = text(IrFixtures.macPair());
        assertTrue(pair.contains("IrMac u_mac0 (\n        .clk(clk),\n        .rst(rst),\n"), pair);
    }

    @Test
    void sourceCommentsAreOptional() {
        Design d = IrFixtures.counter();
        String plain = text(d);
        String commented = VerilogEmitter.emit(d, EmitOptions.defaults().withSourceComments(true)).get(0).text();
        assertFalse(plain.contains("IrFixtures.java"));
        assertTrue(commented.matches("(?s).*assign _rsz_2a = count_q \\+ _c1; // IrFixtures\\.java:\\d+\n.*"), commented);
        assertTrue(commented.matches("(?s).*always @\\(posedge clk\\) begin // IrFixtures\\.java:\\d+\n.*"), commented);
    }

    @Test
    void enumConstantsAreLocalparamsUnlessPeekedThroughVerilator() {
        String fsm = text(EnumFsm.design());
        assertTrue(fsm.contains("    localparam [1:0] Phase_LOAD = 2'd1;\n"), fsm);
        assertTrue(fsm.contains("    localparam [1:0] Phase_RUN = 2'd2;\n"), fsm);
        assertFalse(fsm.contains("wire [1:0] Phase_"), fsm);
        assertFalse(fsm.contains("assign Phase_"), fsm);
        // A constant marked for peeking stays a wire: Verilator's public metacomment is for variables.
        IrBuilder b = new IrBuilder("Peeked");
        b.out("y", Type.uint(4), b.lit("k", Type.uint(4), 5));
        b.debug("k");
        String text = VerilogEmitter.emit(new Design("Peeked", List.of(b.build())), EmitOptions.defaults().withVerilatorPublicDebug(true)).get(0).text();
        assertTrue(text.contains("wire [3:0] k /*verilator public_flat_rd*/;") && text.contains("assign k = 4'd5;"), text);
    }

    @Test
    void debugNetsCanBeMarkedPublicForVerilator() {
        Design d = IrFixtures.mac();
        assertTrue(VerilogEmitter.emit(d, EmitOptions.defaults().withVerilatorPublicDebug(true)).get(0).text()
                .contains("wire signed [15:0] prod /*verilator public_flat_rd*/;"));
        assertFalse(text(d).contains("verilator"));
    }

    @Test
    void onlyMemoriesWhoseDepthIsNotAPowerOfTwoGuardTheirAddresses() {
        String regFile = text(IrFixtures.regFile());
        assertTrue(regFile.contains("if (we && (waddr < 3'd5)) regs[waddr] <= wdata;"), regFile);
        assertTrue(regFile.contains("rd_a <= (raddr_a < 3'd5) ? regs[raddr_a] : 16'd0;"), regFile);
        String fifo = text(IrFixtures.fifo());
        assertTrue(fifo.contains("if (push) store[wp_q] <= in_data;"), fifo);
        assertTrue(fifo.contains("if (pop) rd_word <= store[rp_q];"), fifo);
    }

    @Test
    void unreadBitsAreSunkOnlyWhereNeeded() {
        String ops = text(IrFixtures.allOps());
        assertTrue(ops.contains("wire _unused_ok = &{1'b0, wide[63:36], wide[31:0], 1'b0};"), ops);
        assertTrue(text(IrFixtures.regFile()).contains("wire _unused_ok = &{1'b0, rst, 1'b0};"), "rst unused without resets");
        IrBuilder b = new IrBuilder("AllRead");
        b.out("y", Type.uint(4), b.in("a", Type.uint(4)));
        assertFalse(text(new Design("AllRead", List.of(b.build()))).contains("_unused"));
    }

    @Test
    void unreadChildOutputsGoToUnusedWires() {
        String pair = text(IrFixtures.macPair());
        assertTrue(pair.contains("    wire u_mac0__negative_unused;\n"), pair);
        assertTrue(pair.contains(".negative(u_mac1__negative_unused)"), pair);
    }

    @Test
    void aModuleWithoutPortsIsLegal() {
        IrBuilder b = new IrBuilder("Empty");
        Design d = new Design("Empty", List.of(b.build()));
        assertTrue(text(d).contains("\nmodule Empty;\n"));
    }

    @Test
    void anUnconnectedChildInputIsAClearError() {
        Design pair = IrFixtures.macPair();
        ModuleIr top = pair.topModule();
        Instance i = top.instances().get(0);
        Instance broken = new Instance(i.name(), i.module(), i.inputs().subList(1, i.inputs().size()), i.loc());
        ModuleIr bad = new ModuleIr(top.name(), top.nodes(), top.memories(), List.of(broken, top.instances().get(1)),
                top.debug(), top.loc());
        Design d = new Design(pair.top(), List.of(pair.modules().get(0), bad));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VerilogEmitter.emit(d));
        assertEquals("instance 'u_mac0' in module 'IrMacPair' leaves input 'a' of 'IrMac' unconnected", e.getMessage());
    }

    @Test
    void brokenReferencesInTheIrAreClearErrors() {
        IrBuilder b = new IrBuilder("Bad");
        b.out("y", Type.uint(4), b.memRead("r", Type.uint(4), "nomem", b.in("a", Type.uint(2)), null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VerilogEmitter.emit(new Design("Bad", List.of(b.build()))));
        assertEquals("module 'Bad' reads memory 'nomem', which it does not declare", e.getMessage());

        IrBuilder c = new IrBuilder("Bad2");
        c.out("y", Type.uint(4), c.instOut("o", Type.uint(4), "u", "nope"));
        c.instance("u", "IrComb", "p", c.in("a", Type.uint(4)));
        Design d = new Design("Bad2", List.of(IrFixtures.edges().modules().get(0), c.build()));
        e = assertThrows(IllegalArgumentException.class, () -> VerilogEmitter.emit(d));
        assertEquals("module 'Bad2' reads output 'nope' of instance 'u', but module 'IrComb' has no such output", e.getMessage());
    }

    @Test
    void writeToCreatesOneFilePerModule(@TempDir Path dir) throws Exception {
        List<Path> written = VerilogEmitter.writeTo(dir.resolve("out"), VerilogEmitter.emit(IrFixtures.macPair()));
        assertEquals(List.of("IrMac.v", "IrMacPair.v"), written.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(text(IrFixtures.macPair()), Files.readString(written.get(1)));
    }
}
