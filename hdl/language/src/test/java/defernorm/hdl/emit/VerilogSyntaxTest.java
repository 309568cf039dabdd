package defernorm.hdl.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

class VerilogSyntaxTest {
    @Test
    void aSingleReadSignExtensionFlipsTheSignBitAndSubtractsItsWeightAtTheExtendedWidth() {
        assertEquals("{({8'd0, a} ^ 16'd128) - 16'd128}", VerilogSyntax.extend("a", Type.sint(8), 8, true));
    }

    @Test
    void aOneBitSignedNetHasWeightOne() {
        // 1 -> 1 ^ 1 = 0, minus 1 = all ones (-1); 0 -> 1 - 1 = 0.
        assertEquals("{({3'd0, b} ^ 4'd1) - 4'd1}", VerilogSyntax.extend("b", Type.sint(1), 3, true));
    }

    @Test
    void aWideExtensionSizesItsBiasAtTheFullWidth() {
        assertEquals("{({30'd0, w} ^ 130'h8000000000000000000000000) - 130'h8000000000000000000000000}",
                VerilogSyntax.extend("w", Type.sint(100), 30, true));
    }

    @Test
    void twoReadsCopyTheSignBitAndUnsignedNetsZeroFill() {
        assertEquals("{{8{a[7]}}, a}", VerilogSyntax.extend("a", Type.sint(8), 8, false));
        assertEquals("{{8{1'b0}}, a}", VerilogSyntax.extend("a", Type.uint(8), 8, true));
        assertEquals("a", VerilogSyntax.extend("a", Type.sint(8), 0, true));
    }
}
